import request from 'supertest';
import { DataSource } from 'typeorm';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, GraphqlResponse, ok, scheduleAndPublish } from './support/graphql';
import { API_MAIN, RunningProcess, startProcess, WORKER_MAIN } from './support/processes';
import { startTestApi, TEST_REDIS_URL, TestApi, uniqueQueuePrefix } from './support/test-api';

const AGENDA = 'query ($f: ID!) { agenda(forumId: $f) { id slot { id startsAt } table { label } counterpart { name } } }';
const ME = '{ me { id email } }';

/**
 * Two API processes behind one load balancer (here: the in-process test API
 * and a separate `node dist/apps/api/src/main.js`), one worker, one Redis:
 * what one process changes, the other answers at once.
 */
describe('several API processes', () => {
  const queuePrefix = uniqueQueuePrefix();
  let a: TestApi;
  let b: RunningProcess;
  let bUrl: string;
  let worker: RunningProcess;
  let f: ForumFixture;

  /** POST /graphql to process B. */
  const viaB = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphqlResponse<T>> => {
    const call = request(bUrl).post('/graphql').set('content-type', 'application/json');
    if (token) call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query, variables });
    return { status: response.status, data: response.body.data ?? undefined, errors: response.body.errors };
  };

  beforeAll(async () => {
    a = await startTestApi({ redisUrl: TEST_REDIS_URL, queuePrefix });
    f = await createForumFixture(a.app);
    const env = { NODE_ENV: 'test', DATABASE_URL: a.database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, DATA_DIR: a.config.dataDir, LOG_LEVEL: 'warn', PORT: '0' };
    worker = startProcess(WORKER_MAIN, [], { ...env, LOG_LEVEL: 'info' });
    b = startProcess(API_MAIN, [], env);
    [, bUrl] = await b.waitFor(/GraphQL: (http:\/\/[\d.:]+)\/graphql/, 45000);
    await worker.waitFor(/Worker ready/, 45000);
    // A published schedule: vn1 meets kr1 (pending → accepted).
    ok(await gql(a.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    ok(await gql(a.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(a.app, f.forumId, f.organizer);
  }, 120_000);

  afterAll(async () => {
    await b?.stop();
    await worker?.stop();
    await a?.close();
  });

  it("shows a meeting moved through one process in the other's next agenda", async () => {
    const before = ok(await viaB<{ agenda: { id: string; slot: { id: string } }[] }>(AGENDA, { f: f.forumId }, f.vn1)).agenda;
    expect(before).toHaveLength(1);
    const target = f.slotIds.find((id) => id !== before[0].slot.id)!;
    ok(await gql(a.app, 'mutation ($id: ID!, $slot: ID!) { moveMeeting(id: $id, slotId: $slot) { id } }', { id: before[0].id, slot: target }, f.organizer));
    const after = ok(await viaB<{ agenda: { id: string; slot: { id: string } }[] }>(AGENDA, { f: f.forumId }, f.vn1)).agenda;
    expect(after.map((item) => item.slot.id)).toEqual([target]);
  });

  describe("agendas held at their forum's stamp", () => {
    const FULL = 'query ($f: ID!) { agenda(forumId: $f) { id attendance slot { endsAt } table { label } counterpart { name city delegates { name } } } }';
    interface Item {
      id: string;
      attendance: string | null;
      slot: { endsAt: string };
      table: { label: string };
      counterpart: { name: string; city: string | null; delegates: { name: string }[] };
    }
    const onB = async () => ok(await viaB<{ agenda: Item[] }>(FULL, { f: f.forumId }, f.vn1)).agenda[0];
    const onA = async () => ok(await gql<{ agenda: Item[] }>(a.app, FULL, { f: f.forumId }, f.vn1)).agenda[0];
    const sql = (text: string, values: unknown[] = []) => a.app.get(DataSource).query(text, values);
    /** A change the stamps cannot see: their triggers off for this one session (what no write path of the app can do). */
    const unseenByStamps = async (text: string, values: unknown[]) => {
      const runner = a.app.get(DataSource).createQueryRunner();
      try {
        await runner.query('SET session_replication_role = replica');
        await runner.query(text, values);
      } finally {
        await runner.query('SET session_replication_role = DEFAULT');
        await runner.release();
      }
    };

    it("shows in the other process's next agenda whatever changed, through the API or straight in PostgreSQL", async () => {
      // B reads vn1's agenda twice: it holds it now.
      const held = await onB();
      expect(await onB()).toEqual(held);
      const meetingId = held.id;

      ok(await gql(a.app, 'mutation ($in: CompanyInput!) { updateCompany(input: $in) { id } }', { in: { name: 'Seoul AI Labs Korea', country: 'KR', city: 'Seoul', languages: ['ko', 'en'] } }, f.kr1));
      expect((await onB()).counterpart).toMatchObject({ name: 'Seoul AI Labs Korea', city: 'Seoul' });

      await sql(`UPDATE forum_table SET label = 'Lotus room' WHERE id = (SELECT table_id FROM meeting WHERE id = $1)`, [meetingId]);
      expect((await onB()).table.label).toBe('Lotus room');

      await sql(`UPDATE meeting SET attendance = 'HELD' WHERE id = $1`, [meetingId]);
      expect((await onB()).attendance).toBe('HELD');

      await sql(`INSERT INTO delegate (registration_id, name, email) SELECT id, 'Kim Min-ji', 'minji@example.com' FROM registration WHERE forum_id = $1 AND company_id = $2`, [f.forumId, f.ids.kr1]);
      expect((await onB()).counterpart.delegates).toContainEqual({ name: 'Kim Min-ji' });

      await sql(`UPDATE slot SET ends_at = ends_at - interval '5 minutes' WHERE id = (SELECT slot_id FROM meeting WHERE id = $1)`, [meetingId]);
      expect(Date.parse((await onB()).slot.endsAt)).toBe(Date.parse(held.slot.endsAt) - 5 * 60_000);

      await sql(`UPDATE schedule SET status = 'SUPERSEDED' WHERE forum_id = $1 AND status = 'PUBLISHED'`, [f.forumId]);
      expect(ok(await viaB<{ agenda: Item[] }>(FULL, { f: f.forumId }, f.vn1)).agenda).toEqual([]);
    });

    it('answers from what it holds while the stamp holds, and reads again once it moves', async () => {
      ok(await gql(a.app, 'mutation ($in: CompanyInput!) { updateCompany(input: $in) { id } }', { in: { name: 'Seoul AI Labs', country: 'KR', city: 'Seoul', languages: ['ko', 'en'] } }, f.kr1));
      // B holds vn1's agenda of the withdrawn schedule (empty): a publication through A is in B's next answer.
      await scheduleAndPublish(a.app, f.forumId, f.organizer);
      expect((await onB()).counterpart.name).toBe('Seoul AI Labs');
      expect((await onA()).counterpart.city).toBe('Seoul');
      // A change the stamps cannot see: A keeps answering what it holds …
      await unseenByStamps(`UPDATE company SET city = 'Busan' WHERE id = $1`, [f.ids.kr1]);
      expect((await onA()).counterpart.city).toBe('Seoul');
      // … until the stamp moves, by any change to the forum's agendas.
      await sql('SELECT bump_agenda_stamps(ARRAY[$1::uuid])', [f.forumId]);
      expect((await onA()).counterpart.city).toBe('Busan');
    });

    it("reads again, after a change to a meeting, only the agendas of the meeting's two companies", async () => {
      // vn2 meets kr2 too; A holds both agendas.
      const vn1Meeting = (await onA()).id;
      const slot = ok(await gql<{ agenda: { slot: { id: string } }[] }>(a.app, 'query ($f: ID!) { agenda(forumId: $f) { slot { id } } }', { f: f.forumId }, f.vn1)).agenda[0].slot.id;
      const free = f.slotIds.find((id) => id !== slot)!;
      ok(await gql(a.app, 'mutation ($in: CreateMeetingInput!) { createMeeting(input: $in) { id } }', { in: { forumId: f.forumId, companyIds: [f.ids.vn2, f.ids.kr2], slotId: free } }, f.organizer));
      const onVn2 = async () => ok(await gql<{ agenda: Item[] }>(a.app, FULL, { f: f.forumId }, f.vn2)).agenda[0];
      expect((await onVn2()).counterpart.name).toBe('Busan Chips');
      // kr2's new name unseen by the stamps: while vn2's agenda is held, it keeps the old one.
      await unseenByStamps(`UPDATE company SET name = 'Busan Chips Unseen' WHERE id = $1`, [f.ids.kr2]);
      // vn1 and kr1's meeting is marked: their agendas are read again, vn2's is still held.
      ok(await gql(a.app, 'mutation ($id: ID!) { markAttendance(meetingId: $id, status: HELD) { id } }', { id: vn1Meeting }, f.organizer));
      expect((await onA()).attendance).toBe('HELD');
      expect((await onVn2()).counterpart.name).toBe('Busan Chips');
      // A change to vn2's own meeting reads vn2's again.
      await sql(`UPDATE meeting SET attendance = 'NO_SHOW', absent_company_id = company_a_id WHERE company_a_id = LEAST($1::uuid, $2::uuid) AND company_b_id = GREATEST($1::uuid, $2::uuid)`, [f.ids.vn2, f.ids.kr2]);
      expect(await onVn2()).toMatchObject({ attendance: 'NO_SHOW', counterpart: { name: 'Busan Chips Unseen' } });
    });
  });

  it('refuses a token in both processes as soon as its user signs out everywhere through one', async () => {
    // Both processes have just accepted (and cached) the token.
    expect(ok(await viaB<{ me: { id: string } }>(ME, {}, f.vn2)).me.id).toBeTruthy();
    expect(ok(await gql<{ me: { id: string } }>(a.app, ME, {}, f.vn2)).me.id).toBeTruthy();
    expect(ok(await gql<{ signOutEverywhere: boolean }>(a.app, 'mutation { signOutEverywhere }', {}, f.vn2)).signOutEverywhere).toBe(true);
    expect(codeOf(await viaB(ME, {}, f.vn2))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(a.app, ME, {}, f.vn2))).toBe('UNAUTHENTICATED');
  });

  it('ends earlier sessions everywhere on a password change, and the new token works in both', async () => {
    expect(ok(await gql<{ me: { id: string } }>(a.app, ME, {}, f.kr2)).me.id).toBeTruthy();
    const CHANGE = 'mutation ($in: ChangePasswordInput!) { changePassword(input: $in) { accessToken } }';
    expect(codeOf(await viaB(CHANGE, { in: { currentPassword: 'wrong-password', newPassword: 'a new long password' } }, f.kr2))).toBe('BAD_USER_INPUT');
    const fresh = ok(await viaB<{ changePassword: { accessToken: string } }>(CHANGE, { in: { currentPassword: 'company-password', newPassword: 'a new long password' } }, f.kr2)).changePassword.accessToken;
    expect(codeOf(await gql(a.app, ME, {}, f.kr2))).toBe('UNAUTHENTICATED');
    expect(codeOf(await viaB(ME, {}, f.kr2))).toBe('UNAUTHENTICATED');
    expect(ok(await gql<{ me: { email: string } }>(a.app, ME, {}, fresh)).me.email).toBe('kr2@example.com');
    expect(ok(await viaB<{ me: { email: string } }>(ME, {}, fresh)).me.email).toBe('kr2@example.com');
    expect(codeOf(await gql(a.app, 'mutation ($in: LoginInput!) { login(input: $in) { accessToken } }', { in: { email: 'kr2@example.com', password: 'company-password' } }))).toBe('UNAUTHENTICATED');
  });
});
