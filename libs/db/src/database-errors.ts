import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes (SQLSTATE) the services react to. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  stringTooLong: '22001',
  characterNotInRepertoire: '22021',
  untranslatableCharacter: '22P05',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

interface DriverError {
  code?: string;
  constraint?: string;
}

/** The SQLSTATE of a failed query, or null for any other error. */
export function sqlState(error: unknown): string | null {
  return error instanceof QueryFailedError ? ((error.driverError as DriverError).code ?? null) : null;
}

/** A unique constraint refused the write (the named one, when `constraint` is given). Recognised by SQLSTATE, never by message. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlState(error) === SQLSTATE.uniqueViolation && (!constraint || ((error as QueryFailedError).driverError as DriverError).constraint === constraint);
}
