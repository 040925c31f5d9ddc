import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '@forum/common';
import { User } from '@forum/db';
import { AuthService } from '../src/auth/auth.service';
import { createForumFixture } from './support/forum-fixture';
import { gql, ok } from './support/graphql';
import { startTestApi, TEST_REDIS_URL, TestApi } from './support/test-api';

describe('API on a real PostgreSQL and Redis', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ redisUrl: TEST_REDIS_URL });
  });

  afterAll(() => api.close());

  it('GET /health answers 200 with the database and Redis up', async () => {
    const response = await request(api.app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('POST /graphql answers a query', async () => {
    const response = await request(api.app.getHttpServer())
      .post('/graphql')
      .send({ query: '{ serverInfo { version schedulingMode } }' })
      .expect(200);
    expect(response.body).toEqual({ data: { serverInfo: { version: expect.any(String), schedulingMode: 'QUEUE' } } });
  });

  it('gives every request an id and echoes a sane incoming one', async () => {
    const generated = await request(api.app.getHttpServer()).get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await request(api.app.getHttpServer()).get('/health').set('x-request-id', 'req-42');
    expect(echoed.headers['x-request-id']).toBe('req-42');
    const replaced = await request(api.app.getHttpServer()).get('/health').set('x-request-id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an invalid query with a coded error and no stack trace', async () => {
    const response = await request(api.app.getHttpServer()).post('/graphql').send({ query: '{ nothingHere }' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('refuses a cross-site simple request (Apollo CSRF prevention)', async () => {
    const response = await request(api.app.getHttpServer())
      .get('/graphql')
      .query({ query: '{ serverInfo { version } }' })
      .set('content-type', 'text/plain');
    expect(response.status).toBe(400);
  });
});

describe('health when a dependency is down', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Nothing listens on port 1: Redis is configured but unreachable.
    api = await startTestApi({ redisUrl: 'redis://127.0.0.1:1' });
  });

  afterAll(() => api.close());

  it('GET /health answers 503 and names Redis as the failing part', async () => {
    const response = await request(api.app.getHttpServer()).get('/health').expect(503);
    expect(response.body.status).toBe('error');
    expect(response.body.error).toHaveProperty('redis');
    expect(response.body.error.redis.status).toBe('down');
    expect(response.body.info.database.status).toBe('up');
  });

  it('answers generateSchedule within seconds while Redis is down, the run QUEUED (PostgreSQL is the record)', async () => {
    const f = await createForumFixture(api.app);
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    const started = Date.now();
    const run = ok(await gql<{ generateSchedule: { status: string } }>(api.app, 'mutation ($f: ID!) { generateSchedule(forumId: $f) { id status } }', { f: f.forumId }, f.organizer)).generateSchedule;
    expect(run.status).toBe('QUEUED');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('GraphQL in production mode', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ nodeEnv: 'production' });
  });

  afterAll(() => api.close());

  it('gives no field suggestions and no introspection', async () => {
    const typo = await request(api.app.getHttpServer()).post('/graphql').send({ query: '{ serverInf { version } }' });
    expect(typo.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/i);
    const introspection = await request(api.app.getHttpServer()).post('/graphql').send({ query: '{ __schema { types { name } } }' });
    expect(introspection.body.data).toBeUndefined();
    expect(introspection.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the queue dashboard (/admin/queues)', () => {
  let api: TestApi;
  let organizer: string;
  let company: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi({ redisUrl: TEST_REDIS_URL });
    const auth = api.app.get(AuthService);
    await auth.createOrganizer('board@example.com', 'organizer-password', 'Board');
    organizer = (await auth.login('board@example.com', 'organizer-password')).accessToken;
    // As `npm run cli -- create-admin` writes it.
    await api.app.get(DataSource).getRepository(User).save({ email: 'ops@example.com', passwordHash: await hashPassword('admin-password'), name: 'Ops', role: 'ADMIN', companyId: null });
    admin = (await auth.login('ops@example.com', 'admin-password')).accessToken;
    company = (await auth.signUp({ email: 'c@example.com', password: 'company-password', name: 'C', company: { name: 'C', country: 'VN' } })).accessToken;
  });

  afterAll(() => api.close());

  it("shows the scheduling queue to the operator only: organisers never see or steer other organisers' runs", async () => {
    const server = api.app.getHttpServer();
    await request(server).get('/admin/queues').expect(401);
    await request(server).get('/admin/queues').set('authorization', `Bearer ${company}`).expect(403);
    await request(server).get('/admin/queues').set('authorization', `Bearer ${organizer}`).expect(403);
    await request(server).get('/admin/queues/api/queues').set('authorization', `Bearer ${organizer}`).expect(403);
    await request(server).put('/admin/queues/api/queues/scheduling/pause').set('authorization', `Bearer ${organizer}`).expect(403);
    await request(server).get(`/admin/queues?token=${organizer}`).expect(403);
    await request(server).get('/admin/queues').set('authorization', `Bearer ${admin}`).expect(200, /<html/i);
    const queues = await request(server).get('/admin/queues/api/queues').set('authorization', `Bearer ${admin}`).expect(200);
    expect(JSON.stringify(queues.body)).toContain('scheduling');
    // A browser signs in once with ?token=, then carries a cookie scoped to the dashboard.
    const signIn = await request(server).get(`/admin/queues?token=${admin}`).expect(302);
    const cookie = signIn.headers['set-cookie'][0].split(';')[0];
    expect(signIn.headers['set-cookie'][0]).toMatch(/HttpOnly/i);
    await request(server).get('/admin/queues').set('cookie', cookie).expect(200);
    await request(server).get(`/admin/queues?token=${company}`).expect(403);
  });
});
