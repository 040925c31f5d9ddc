import { DataSource } from 'typeorm';
import { ScheduleRun } from '@forum/db';
import { createOrganizer, gql, ok } from './support/graphql';
import { RunningProcess, startProcess, WORKER_MAIN } from './support/processes';
import { seedLargeForum } from '@forum/db/testing';
import { startTestApi, TEST_REDIS_URL, TestApi, uniqueQueuePrefix } from './support/test-api';

const RUN = 'query ($id: ID!) { scheduleRun(id: $id) { status phase progress stats { meetings } error } }';
type Run = { status: string; phase: string; progress: number; stats: { meetings: number } | null; error: string | null };

/** Faults of the worker: killed mid-run, or its job gone from Redis. */
describe('scheduling survives worker faults', () => {
  const queuePrefix = uniqueQueuePrefix();
  let api: TestApi;
  let organizer: string;
  const workers: RunningProcess[] = [];

  const startWorker = async () => {
    const worker = startProcess(WORKER_MAIN, [], {
      NODE_ENV: 'test',
      DATABASE_URL: api.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: api.config.dataDir,
      WORKER_LOCK_MS: '2000',
    });
    workers.push(worker);
    await worker.waitFor(/Worker ready/, 30000);
    return worker;
  };
  const asOrganizer = async <T>(query: string, variables: Record<string, unknown>) => ok(await gql<T>(api.app, query, variables, organizer));
  const runOf = async (id: string) => ok(await gql<{ scheduleRun: Run }>(api.app, RUN, { id }, organizer)).scheduleRun;
  const until = async (id: string, done: (run: Run) => boolean, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await runOf(id);
      if (done(run)) return run;
      if (Date.now() > deadline) throw new Error(`run ${id} stuck at ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    api = await startTestApi({ redisUrl: TEST_REDIS_URL, queuePrefix });
    await createOrganizer(api.app, 'faults@example.com', 'organizer-password');
    organizer = ok(await gql<{ login: { accessToken: string } }>(api.app, 'mutation ($in: LoginInput!) { login(input: $in) { accessToken } }', { in: { email: 'faults@example.com', password: 'organizer-password' } })).login.accessToken;
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await api?.close();
  });

  it('a worker killed (SIGKILL) mid-run: a new worker takes the job over and exactly one set of meetings exists', async () => {
    const forumId = await seedLargeForum(api.app.get(DataSource), asOrganizer, 500);
    const first = await startWorker();
    const runId = ok(
      await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($forumId: ID!, $o: GenerateScheduleOptions) { generateSchedule(forumId: $forumId, options: $o) { id } }', { forumId, o: { seed: 7 } }, organizer),
    ).generateSchedule.id;
    await until(runId, (run) => run.status === 'RUNNING' && run.progress >= 15);
    await first.stop('SIGKILL');

    await startWorker();
    const run = await until(runId, (current) => current.status === 'SUCCEEDED' || current.status === 'FAILED');
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    const dataSource = api.app.get(DataSource);
    const schedules = await dataSource.query('SELECT id FROM schedule WHERE run_id = $1', [runId]);
    expect(schedules).toHaveLength(1);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM meeting WHERE schedule_id = $1', [schedules[0].id]);
    expect(n).toBe(run.stats!.meetings);
    expect(n).toBeGreaterThan(100);
    expect((await dataSource.getRepository(ScheduleRun).findOneByOrFail({ id: runId })).attempts).toBe(2);
  }, 180_000);

  it('a run whose job vanished from Redis is queued again by the worker at start-up', async () => {
    const forumId = await seedLargeForum(api.app.get(DataSource), asOrganizer, 60);
    // A run recorded in PostgreSQL but never queued (as after a Redis restart without persistence).
    const run = await api.app.get(DataSource).getRepository(ScheduleRun).save({ forumId, status: 'QUEUED', phase: 'queued', progress: 0, options: {} });
    await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGTERM')));
    await startWorker();
    expect(await until(run.id, (current) => current.status === 'SUCCEEDED' || current.status === 'FAILED', 60_000)).toMatchObject({ status: 'SUCCEEDED' });
  }, 120_000);

  it('SIGTERM: the worker finishes the run it holds, then exits cleanly', async () => {
    const forumId = await seedLargeForum(api.app.get(DataSource), asOrganizer, 300);
    await Promise.all(workers.splice(0).map((other) => other.stop('SIGKILL')));
    const worker = await startWorker();
    const runId = ok(await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($forumId: ID!) { generateSchedule(forumId: $forumId) { id } }', { forumId }, organizer)).generateSchedule.id;
    await until(runId, (run) => run.status === 'RUNNING' && run.progress >= 15);
    const exit = await worker.stop('SIGTERM');
    // Nest runs the shutdown hooks (BullMQ's worker waits for its job), then re-raises the signal.
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    // Only one worker existed: the run could only have finished before that one exited.
    expect(await runOf(runId)).toMatchObject({ status: 'SUCCEEDED' });
  }, 120_000);
});
