import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-errors';
import { databaseErrorCode } from './format-graphql-error';

const STATUS: Record<DomainError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * Domain errors on REST routes (exports, downloads): an HTTP status and the
 * same code and message; a database refusal that is the client's doing gets
 * its code too (as in GraphQL). GraphQL maps them itself.
 */
@Catch(DomainError, QueryFailedError)
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: DomainError | QueryFailedError, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) return void response.status(STATUS[error.code]).json({ code: error.code, message: error.message });
    const mapped = databaseErrorCode(error);
    if (mapped) return void response.status(STATUS[mapped.code]).json(mapped);
    this.logger.error({ err: error }, 'unexpected database error');
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
