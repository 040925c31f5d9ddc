export class ForumNotFoundError extends Error {
  override readonly name = 'ForumNotFoundError';

  constructor(readonly forumId: string) {
    super(`Forum ${forumId} does not exist`);
  }
}
