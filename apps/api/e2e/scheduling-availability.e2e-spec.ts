import request from 'supertest';
import { DataSource } from 'typeorm';
import { ScheduleRun } from '@forum/db';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok } from './support/graphql';
import { RunningProcess, startProcess, WORKER_MAIN } from './support/processes';
import { startTestApi, TEST_REDIS_URL, TestApi, uniqueQueuePrefix } from './support/test-api';

const SERVER_INFO = '{ serverInfo { schedulingMode schedulingWorkers schedulingAvailable } }';

/** Organisers are told when no worker would take their runs, and a run the queue lost finishes without a restart. */
describe('scheduling workers coming and going', () => {
  const queuePrefix = uniqueQueuePrefix();
  let api: TestApi;
  let f: ForumFixture;
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    api = await startTestApi({ redisUrl: TEST_REDIS_URL, queuePrefix });
    f = await createForumFixture(api.app);
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
  });

  afterAll(async () => {
    await worker?.stop();
    await api.close();
  });

  const health = async () => (await request(api.app.getHttpServer()).get('/health').expect(200)).body;

  it('says in /health and serverInfo that no worker is alive, while the API stays ready', async () => {
    const body = await health();
    expect(body.details['scheduling-worker']).toMatchObject({ status: 'down', workers: 0, message: expect.stringMatching(/wait in the queue/) });
    expect(body.details.database.status).toBe('up');
    expect(ok(await gql(api.app, SERVER_INFO)).serverInfo).toEqual({ schedulingMode: 'QUEUE', schedulingWorkers: 0, schedulingAvailable: false });
  });

  it('sees a worker once it starts, and the worker finishes a run the queue never carried, without a restart', async () => {
    worker = startProcess(WORKER_MAIN, [], {
      NODE_ENV: 'test',
      DATABASE_URL: api.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: api.config.dataDir,
      RECONCILE_INTERVAL_MS: '1000',
    });
    await worker.waitFor(/Worker ready/, 45_000);
    // The worker's first heartbeat is written before it reports ready.
    expect((await health()).details['scheduling-worker']).toEqual({ status: 'up', workers: 1 });
    expect(ok(await gql<{ serverInfo: { schedulingAvailable: boolean } }>(api.app, SERVER_INFO)).serverInfo.schedulingAvailable).toBe(true);
    // A run written while Redis was away (the enqueue timed out): only PostgreSQL knows it.
    const run = await api.app.get(DataSource).getRepository(ScheduleRun).save({ forumId: f.forumId, status: 'QUEUED', phase: 'queued', progress: 0, options: {} });
    let status = 'QUEUED';
    for (let i = 0; i < 200 && (status === 'QUEUED' || status === 'RUNNING'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = ok(await gql<{ scheduleRun: { status: string } }>(api.app, 'query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: run.id }, f.organizer)).scheduleRun.status;
    }
    expect(status).toBe('SUCCEEDED');
  }, 60_000);

  it("lists a forum's runs, newest first, to its organiser and to nobody else", async () => {
    const RUNS = 'query ($f: ID!) { scheduleRuns(forumId: $f) { id status createdAt stats { meetings } } }';
    const second = ok(await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($f: ID!) { generateSchedule(forumId: $f) { id } }', { f: f.forumId }, f.organizer)).generateSchedule.id;
    const runs = ok(await gql<{ scheduleRuns: { id: string; status: string; createdAt: string }[] }>(api.app, RUNS, { f: f.forumId }, f.organizer)).scheduleRuns;
    expect(runs).toHaveLength(2);
    expect(runs[0].id).toBe(second);
    expect(runs[0].createdAt >= runs[1].createdAt).toBe(true);
    expect(runs[1].status).toBe('SUCCEEDED');
    expect(codeOf(await gql(api.app, RUNS, { f: f.forumId }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, RUNS, { f: f.forumId }, f.vn1))).toBe('FORBIDDEN');
  });
});
