/**
 * Errors the services throw when a call is refused. Each carries the GraphQL
 * error code it becomes (mapped once, in format-graphql-error.ts) and a message
 * a person can act on.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  override readonly name = 'BadInputError';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  override readonly name = 'UnauthenticatedError';

  constructor(message = 'Sign in first: send Authorization: Bearer <accessToken>') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  override readonly name = 'ForbiddenError';
}

/** Also what another company's object looks like: its existence is not revealed. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  override readonly name = 'NotFoundError';

  constructor(kind: string, id: string) {
    super(`${kind} ${id} was not found`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  override readonly name = 'ConflictError';
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  override readonly name = 'TooManyRequestsError';
}
