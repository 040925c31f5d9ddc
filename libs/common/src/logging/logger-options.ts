import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Structured JSON logs (pino). Every HTTP request gets a request id, taken from
 * an incoming `x-request-id` when it looks sane, generated otherwise, echoed in
 * the response header and attached to every log line of that request.
 */
export function loggerOptions(config: AppConfig, processName: 'api' | 'worker' | 'cli'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { process: processName },
      genReqId: requestIdOf,
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: redactSecrets(request.url),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      // Readable lines for a person at a terminal; JSON everywhere else (files, containers, CI).
      transport:
        config.nodeEnv === 'development' && process.stdout.isTTY
          ? { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname,process' } }
          : undefined,
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
    },
  };
}

/** The request's id: a sane incoming `x-request-id`, or a new one; echoed in the response. */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Calendar feed and dashboard URLs carry secrets in `?token=`: never write them to logs. */
export function redactSecrets(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
