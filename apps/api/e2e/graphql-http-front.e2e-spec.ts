import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '@forum/db/testing';
import { createOrganizer } from './support/graphql';
import { API_MAIN, RunningProcess, startProcess } from './support/processes';
import { startTestApi, TestApi } from './support/test-api';

const LOGIN = 'mutation ($in: LoginInput!) { login(input: $in) { accessToken } }';

/**
 * POST /graphql with a JSON body is served by GraphqlHttpFront, everything
 * else by Express: the edges of the two, and that a client cannot tell them
 * apart except where the front answers better (a body that is not JSON or too large).
 */
describe('GraphQL over HTTP: the front before Express', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  const post = () => request(api.app.getHttpServer()).post('/graphql');

  it('answers a JSON POST (with or without a charset) compactly, with a request id, and without an ETag', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const response = await post().set('content-type', type).send(JSON.stringify({ query: '{ serverInfo { schedulingMode } }' })).expect(200);
      expect(response.text).toBe('{"data":{"serverInfo":{"schedulingMode":"IN_PROCESS"}}}');
      expect(response.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.etag).toBeUndefined();
    }
    const echoed = await post().set('x-request-id', 'front-42').send({ query: '{ __typename }' }).expect(200);
    expect(echoed.headers['x-request-id']).toBe('front-42');
  });

  it('answers a body that is not JSON, or has no query, with 400 and BAD_USER_INPUT, as JSON', async () => {
    const response = await post().set('content-type', 'application/json').send('{"query": "{ __typename }"').expect(400);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    const withoutQuery = await post().send({ variables: {} }).expect(400);
    expect(withoutQuery.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    const unparsable = await post().send({ query: '{ me { id ' }).expect(400);
    expect(unparsable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a body over 100 kB with 413 and BAD_USER_INPUT, whether its length is announced or not', async () => {
    const query = `{ __typename ${' '.repeat(101 * 1024)}}`;
    const announced = await post().set('content-type', 'application/json').send(JSON.stringify({ query })).expect(413);
    expect(announced.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    const chunked = await fetch(`${await api.app.getUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ query })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    // Right at the limit is fine.
    const fits = JSON.stringify({ query: '{ __typename }' }).padEnd(100 * 1024, ' ');
    await post().set('content-type', 'application/json').send(fits).expect(200, { data: { __typename: 'Query' } });
  });

  it('gives a document that does not validate 400, and one that runs 200 with its errors', async () => {
    const invalid = await post().send({ query: '{ nothingHere }' }).expect(400);
    expect(invalid.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unauthenticated = await post().send({ query: '{ me { id } }' }).expect(200);
    expect(unauthenticated.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('still gives form posts and GET queries to Express (Apollo refuses them without a preflight header)', async () => {
    await request(api.app.getHttpServer()).post('/graphql').type('form').send('query={__typename}').expect(400);
    await request(api.app.getHttpServer()).get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true').expect(200, { data: { __typename: 'Query' } });
  });

  it("feeds the throttler Express's request and response (the rate-limit headers it sets)", async () => {
    await createOrganizer(api.app, 'front@example.com', 'front password');
    const response = await post().send({ query: LOGIN, variables: { in: { email: 'front@example.com', password: 'front password' } } }).expect(200);
    expect(response.body.data.login.accessToken).toEqual(expect.any(String));
    expect(Number(response.headers['x-ratelimit-limit'])).toBeGreaterThan(0);
  });
});

describe('GraphQL over HTTP with GRAPHQL_HTTP_FRONT=false', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { GRAPHQL_HTTP_FRONT: 'false' } });
  });

  afterAll(() => api.close());

  it("leaves every request to Express (whose answers carry an ETag) and gives the same data", async () => {
    const response = await request(api.app.getHttpServer()).post('/graphql').send({ query: '{ serverInfo { schedulingMode } }' }).expect(200);
    expect(response.text).toBe('{"data":{"serverInfo":{"schedulingMode":"IN_PROCESS"}}}');
    expect(response.headers.etag).toEqual(expect.any(String));
  });
});

describe('GraphQL over HTTP: request logs of the front', () => {
  let database: TestDatabase;
  let api: RunningProcess;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    api = startProcess(API_MAIN, ['--all-in-one'], {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fm-front-')),
      PORT: '0',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
    });
    [, url] = await api.waitFor(/GraphQL: (http:\/\/[\d.:]+)\/graphql/, 45000);
  }, 60_000);

  afterAll(async () => {
    await api.stop();
    await database.drop();
  });

  /** The "request completed" line of the request with this id. */
  const completed = async (id: string) => {
    await api.waitFor(new RegExp(`"id":"${id}".*"msg":"request completed"`));
    const line = api.output().split('\n').find((text) => text.includes(`"id":"${id}"`) && text.includes('request completed'))!;
    return JSON.parse(line) as { req: Record<string, unknown>; res: Record<string, unknown>; responseTime: number; process: string };
  };

  it('writes the same request line for a front request as Express writes for its own', async () => {
    await request(url).post('/graphql').set('x-request-id', 'front-post').send({ query: '{ __typename }' }).expect(200);
    await request(url).get('/graphql').set('x-request-id', 'express-get').set('apollo-require-preflight', 'true').query({ query: '{ __typename }' }).expect(200);
    const front = await completed('front-post');
    const express = await completed('express-get');
    expect(front.req).toEqual({ id: 'front-post', method: 'POST', url: '/graphql' });
    expect(front.res).toEqual({ statusCode: 200 });
    expect(front.process).toBe('api');
    expect(Object.keys(front).sort()).toEqual(Object.keys(express).sort());
    expect(Object.keys(express.req).sort()).toEqual(['id', 'method', 'url']);
  });
});
