/** A command used wrongly: printed as it is, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
