import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Express } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { storage, type Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig, requestIdOf } from '@forum/common';
import { graphqlHttpContext } from './graphql-context';
import { statusOfInvalidDocument } from './graphql-hardening';

/** The largest body taken (Express's JSON parser's default); a larger one is refused with 413. */
export const FRONT_BODY_LIMIT = 100 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves `POST /graphql` with a JSON body straight from Node's HTTP server,
 * through Apollo's own integration interface (`executeHTTPGraphQLRequest`),
 * and hands every other request to Express as before.
 *
 * Why: on the forum day, delegates' agendas are POSTs to /graphql, and the
 * Express path in front of Apollo — a router of 20 layers, two body parsers,
 * Nest's middleware wrappers, the Express integration and an ETag hashed over
 * every answer — cost about as much CPU as everything else a request does:
 * `{ __typename }` 1.02 ms through Express against 0.53 ms through the front,
 * an agenda 1.62 against 1.06 ms (bench:api, both in one run).
 *
 * What stays the same: the request and response objects are Express's (same
 * prototypes, so `req.ip`, `res.status()`, `res.header()` work in guards), the
 * request id, the request's child logger (bound for the resolvers as
 * nestjs-pino binds it) and its "request completed" line are those of the
 * app's pino-http, made only when something is logged (pino-http serialised
 * every request into a child logger, ~0.15 ms, even with logging off), Apollo
 * does CSRF prevention, parsing, validation, execution and error formatting,
 * and a document that does not parse or validate answers 400. What the front
 * answers better: a body that is not JSON or is larger than
 * {@link FRONT_BODY_LIMIT} gets a GraphQL error (BAD_USER_INPUT, 400 or 413) where
 * Express answered an HTML page (and 404 for a large one). Other bodies, GET
 * queries, preflights and WebSocket upgrades all stay Express's.
 */
@Injectable()
export class GraphqlHttpFront implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.graphqlHttpFront) return;
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const express = this.adapterHost.httpAdapter.getInstance<Express>();
    const apollo = this.moduleRef.get(GraphQLModule<ApolloDriver>, { strict: false }).graphQlAdapter.instance;
    // The app's pino-http logger (nestjs-pino's root): its level, serialisers and destination.
    const root = PinoLogger.root;
    const others = server.listeners('request') as Listener[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (takes(req)) serve(req, res, { express, apollo, root });
      else for (const listener of others) listener.call(server, req, res);
    });
  }
}

/** A POST of JSON to /graphql. */
export function takes(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const type = req.headers['content-type'];
  return type !== undefined && /^application\/json\s*(;|$)/i.test(type);
}

interface Parts {
  express: Express;
  apollo: ApolloServer<BaseContext>;
  root: Logger;
}

function serve(req: IncomingMessage, res: ServerResponse, { express, apollo, root }: Parts): void {
  // What Express's own first middleware does: its request and response methods on Node's objects.
  Object.setPrototypeOf(req, express.request);
  Object.setPrototypeOf(res, express.response);
  Object.assign(req, { res, app: express });
  Object.assign(res, { req, app: express });
  const store = requestLogging(root, req, res);
  storage.run(store, () => {
    if (Number(req.headers['content-length']) > FRONT_BODY_LIMIT) return tooLarge(req, res);
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > FRONT_BODY_LIMIT) tooLarge(req, res);
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (res.headersSent) return;
      answer(req, res, apollo, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        store.logger.error({ err: error }, 'GraphQL request failed');
        if (!res.headersSent) send(res, 500, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
        else res.end();
      });
    });
  });
}

/**
 * pino-http's work for one request, lazily: the request id (header and
 * `req.id`), a child logger carrying the request made when first used, and the
 * line pino-http writes when the response ends, when its level is enabled.
 */
export function requestLogging(root: Logger, req: IncomingMessage, res: ServerResponse): Store {
  const id = requestIdOf(req, res);
  (req as { id?: string }).id = id;
  const store = new LazyStore(root, req);
  if (root.isLevelEnabled('error')) {
    const started = Date.now();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const responseTime = Date.now() - started;
      if (res.statusCode >= 500) store.logger.error({ res, err: new Error(`failed with status code ${res.statusCode}`), responseTime }, 'request errored');
      else if (root.isLevelEnabled('info')) store.logger.info({ res, responseTime }, 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
  }
  return store;
}

/** nestjs-pino's store (PinoLogger reads its `logger`, and `assign()` replaces it), making the request's child logger when first read. */
class LazyStore implements Store {
  readonly responseLogger = undefined;
  private made?: Logger;

  constructor(
    private readonly root: Logger,
    private readonly req: IncomingMessage,
  ) {}

  get logger(): Logger {
    return (this.made ??= this.root.child({ req: this.req }));
  }

  set logger(value: Logger) {
    this.made = value;
  }
}

async function answer(req: IncomingMessage, res: ServerResponse, apollo: ApolloServer<BaseContext>, text: string): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    send(res, 400, clientError('The request body is not valid JSON'));
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: async () => graphqlHttpContext({ req, res }),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  const status = response.status ?? 200;
  if (response.body.kind === 'complete') {
    send(res, statusOfInvalidDocument(status, response.body.string), response.body.string);
    return;
  }
  res.statusCode = status;
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** 413, once; the rest of the body is read and dropped, and the connection closed after the answer. */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) return;
  req.removeAllListeners('data');
  req.resume();
  res.setHeader('connection', 'close');
  send(res, 413, clientError(`The request body is larger than ${FRONT_BODY_LIMIT / 1024} kB`));
}

/** A request that never became a GraphQL call, coded as the app codes Apollo's own (formatGraphqlError). */
function clientError(message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' } }] });
}

function send(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
