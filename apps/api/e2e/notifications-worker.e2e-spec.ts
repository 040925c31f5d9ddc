import { DataSource } from 'typeorm';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { gql, ok, scheduleAndPublish } from './support/graphql';
import { RunningProcess, startProcess, WORKER_MAIN } from './support/processes';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { startTestApi, TEST_REDIS_URL, TestApi, uniqueQueuePrefix } from './support/test-api';

/**
 * With Redis, the worker sends the outbox through the `notifications` queue.
 * Killed in the middle of a publication's messages (one message on the wire,
 * the SMTP server not yet answering), a new worker delivers every message
 * exactly once: the sent ones are not sent again, the interrupted one is.
 */
describe('notifications through the worker', () => {
  const queuePrefix = uniqueQueuePrefix();
  let smtp: TestSmtp;
  let api: TestApi;
  let f: ForumFixture;
  let worker: RunningProcess | undefined;
  const startWorker = () =>
    startProcess(WORKER_MAIN, [], {
      NODE_ENV: 'test',
      DATABASE_URL: api.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: api.config.dataDir,
      SMTP_URL: smtp.url,
      WORKER_LOCK_MS: '2000',
      LOG_LEVEL: 'info',
    });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ redisUrl: TEST_REDIS_URL, queuePrefix, env: { SMTP_URL: smtp.url } });
    f = await createForumFixture(api.app);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await smtp?.close();
  });

  it('delivers each message exactly once when the worker is killed mid-batch and another takes over', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    smtp.answer = async (mail, index) => {
      // From the third message of the publication on, the server holds its answer.
      if (index >= 3) {
        holding = true;
        await released;
      }
      return undefined;
    };
    worker = startWorker();
    await worker.waitFor(/Worker ready/, 45_000);
    // The fixture's request, sent by the worker (the API with Redis does not send).
    await smtp.waitFor(1);
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    await smtp.waitFor(2);
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    for (let i = 0; i < 200 && !holding; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(holding).toBe(true);
    // What was accepted before is marked sent; then the worker dies with a message on the wire.
    await new Promise((resolve) => setTimeout(resolve, 500));
    worker.child.kill('SIGKILL');
    await worker.exited();
    // The server sees the connections drop before it would answer: the message on the wire is not delivered.
    for (let i = 0; i < 100 && smtp.openConnections() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(smtp.openConnections()).toBe(0);
    release();
    const db = api.app.get(DataSource);
    const stuck = await db.query(`SELECT count(*)::int AS n FROM notification WHERE status IN ('SENDING', 'QUEUED', 'PENDING')`);
    expect(stuck[0].n).toBeGreaterThan(0);

    worker = startWorker();
    await worker.waitFor(/Worker ready/, 45_000);
    const rows = async () => db.query(`SELECT id, status FROM notification ORDER BY created_at`) as Promise<{ id: string; status: string }[]>;
    for (let i = 0; i < 300 && (await rows()).some((row) => row.status !== 'SENT'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const all = await rows();
    // The fixture's request, its acceptance, and the publication's five (four companies and a delegate).
    expect(all).toHaveLength(7);
    expect(all.every((row) => row.status === 'SENT')).toBe(true);
    const delivered = smtp.received.map((mail) => mail.raw.match(/^X-Forum-Notification: (.+)$/im)![1].trim());
    expect([...delivered].sort()).toEqual(all.map((row) => row.id).sort());
  }, 120_000);
});
