import { HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { SQLSTATE, sqlState } from '@forum/db';
import { DomainError } from './domain-errors';
import { fieldOfMessage, type FieldProblem } from './validation-fields';

const logger = new Logger('GraphQL');

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/** Apollo's own codes for documents that never reached a resolver. */
const GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The one place errors become what clients see: domain errors and HTTP
 * exceptions (validation, guards, throttling) keep their code and message;
 * anything else is an internal error with a generic message. Never a stack trace.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    const fields = original.code === 'BAD_USER_INPUT' ? fieldOfMessage(original.message) : [];
    return { ...base, message: original.message, extensions: { code: original.code, ...(fields.length > 0 ? { fields } : {}) } };
  }
  if (original instanceof ThrottlerException) {
    return { ...base, message: 'Too many attempts; wait a minute and try again', extensions: { code: 'TOO_MANY_REQUESTS' } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const response = original.getResponse();
    const details = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : undefined;
    const message = Array.isArray(details) ? details.join('; ') : typeof details === 'string' ? details : original.message;
    const fields = typeof response === 'object' && response !== null ? (response as { fields?: FieldProblem[] }).fields : undefined;
    return { ...base, message, extensions: { code: CODES_BY_STATUS[status] ?? 'INTERNAL_SERVER_ERROR', ...(fields ? { fields } : {}) } };
  }
  const database = databaseErrorCode(original);
  if (database) return { ...base, message: database.message, extensions: { code: database.code } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
    // A document that does not parse or validate is the client's mistake; the contract names it BAD_USER_INPUT.
    return { ...base, extensions: { code: 'BAD_USER_INPUT', reason: code } };
  }
  logger.error({ err: original ?? error, path: formatted.path }, 'unexpected error in a GraphQL operation');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * The database refusing a write that validation let through (a race on a
 * unique constraint, a text longer than its column): the client's CONFLICT
 * or BAD_USER_INPUT, never a 500. Services map the cases they expect more
 * precisely; this is the net under them.
 */
export function databaseErrorCode(error: unknown): { code: 'CONFLICT' | 'BAD_USER_INPUT'; message: string } | null {
  switch (sqlState(error)) {
    case SQLSTATE.uniqueViolation:
      return { code: 'CONFLICT', message: 'This already exists (someone else may have just done the same); reload and try again' };
    case SQLSTATE.serializationFailure:
    case SQLSTATE.deadlockDetected:
      // Two changes crossed (PostgreSQL rolled this one back, nothing of it stays): the client may simply try again.
      return { code: 'CONFLICT', message: 'Someone changed the same thing at the same moment; nothing was saved, try again' };
    case SQLSTATE.stringTooLong:
      return { code: 'BAD_USER_INPUT', message: 'A text is longer than its field allows' };
    case SQLSTATE.characterNotInRepertoire:
    case SQLSTATE.untranslatableCharacter:
      return { code: 'BAD_USER_INPUT', message: 'A text contains a character that cannot be stored (such as NUL)' };
    default:
      return null;
  }
}
