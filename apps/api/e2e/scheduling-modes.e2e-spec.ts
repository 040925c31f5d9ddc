import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { redisConnectionOptions, SCHEDULING_QUEUE, ScheduleRunJobResult } from '@forum/common';
import { checkSchedule, Instance } from '@forum/matcher';
import { InProcessSchedulingDispatcher } from '../src/scheduling/in-process-scheduling.dispatcher';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok } from './support/graphql';
import { RunningProcess, startProcess, WORKER_MAIN } from './support/processes';
import { startTestApi, TEST_REDIS_URL, TestApi, uniqueQueuePrefix } from './support/test-api';

const GENERATE = 'mutation ($forumId: ID!) { generateSchedule(forumId: $forumId) { id status } }';
const RUN = 'query ($id: ID!) { scheduleRun(id: $id) { id status phase progress stats { meetings requestsFulfilled weight upperBound } error } }';

async function closeRequests(api: TestApi, f: ForumFixture) {
  // One more request, so the schedule has two meetings: vn2 → kr2.
  ok(await gql(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 5 } }, f.vn2));
  ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
}

async function waitForRun(api: TestApi, token: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const run = ok(await gql<{ scheduleRun: { status: string; stats: { meetings: number; requestsFulfilled: number } | null; error: string | null } }>(api.app, RUN, { id }, token)).scheduleRun;
    if (run.status !== 'QUEUED' && run.status !== 'RUNNING') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('scheduling through Redis to the worker app (separate process)', () => {
  const queuePrefix = uniqueQueuePrefix();
  let api: TestApi;
  let f: ForumFixture;
  let worker: RunningProcess;
  let events: QueueEvents;
  const heartbeatFile = join(mkdtempSync(join(tmpdir(), 'fm-heartbeat-')), 'heartbeat');

  beforeAll(async () => {
    api = await startTestApi({ redisUrl: TEST_REDIS_URL, queuePrefix });
    f = await createForumFixture(api.app);
    await closeRequests(api, f);
    worker = startProcess(WORKER_MAIN, [], {
      NODE_ENV: 'test',
      DATABASE_URL: api.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: api.config.dataDir,
      WORKER_HEARTBEAT_FILE: heartbeatFile,
    });
    await worker.waitFor(/Worker ready/);
    events = new QueueEvents(SCHEDULING_QUEUE, { connection: redisConnectionOptions(TEST_REDIS_URL), prefix: queuePrefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await worker?.stop();
    await api?.close();
  });

  it('runs generateSchedule in the worker process, with progress, and stores one draft schedule', async () => {
    const progress: unknown[] = [];
    let result: ScheduleRunJobResult | undefined;
    events.on('progress', ({ data }) => progress.push(data));
    const completed = new Promise<void>((resolve) =>
      events.on('completed', ({ returnvalue }) => {
        result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as ScheduleRunJobResult;
        resolve();
      }),
    );
    const generated = ok(await gql<{ generateSchedule: { id: string; status: string } }>(api.app, GENERATE, { forumId: f.forumId }, f.organizer)).generateSchedule;
    expect(generated.status).toBe('QUEUED');
    await completed;
    expect(result).toEqual({ runId: generated.id, status: 'SUCCEEDED', processedBy: 'worker' });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const run = await waitForRun(api, f.organizer, generated.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', stats: { meetings: 2, requestsFulfilled: 2 } });
    const [{ n }] = await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM meeting m JOIN schedule s ON s.id = m.schedule_id WHERE s.run_id = $1', [generated.id]);
    expect(n).toBe(2);

    // The instance the run solved can be downloaded by its organiser and replays with the matcher.
    const download = await request(api.app.getHttpServer())
      .get(`/forums/${f.forumId}/runs/${generated.id}/instance.json`)
      .set('authorization', `Bearer ${f.organizer}`)
      .expect(200);
    const instance = download.body as Instance;
    expect(instance.format).toBe('forum-matcher/v1');
    expect(instance.companies).toHaveLength(4);
    expect(instance.pairs).toHaveLength(2);
    const schedule = ok(
      await gql<{ schedule: { meetings: { slot: { id: string }; table: { id: string }; companies: { id: string }[] }[] } }>(
        api.app,
        'query ($forumId: ID!, $runId: ID) { schedule(forumId: $forumId, runId: $runId) { meetings { slot { id } table { id } companies { id } } } }',
        { forumId: f.forumId, runId: generated.id },
        f.organizer,
      ),
    ).schedule;
    const asFormat = { format: 'forum-matcher/v1' as const, objective: 0, meetings: schedule.meetings.map((m) => ({ a: m.companies[0].id, b: m.companies[1].id, slot: m.slot.id, table: m.table.id })) };
    expect(checkSchedule(instance, asFormat)).toEqual([]);
    await request(api.app.getHttpServer()).get(`/forums/${f.forumId}/runs/${generated.id}/instance.json`).expect(401);
    await request(api.app.getHttpServer()).get(`/forums/${f.forumId}/runs/${generated.id}/instance.json`).set('authorization', `Bearer ${f.otherOrganizer}`).expect(404);
    await request(api.app.getHttpServer()).get(`/forums/${f.forumId}/runs/${generated.id}/instance.json`).set('authorization', `Bearer ${f.vn1}`).expect(403);
  });

  it('writes its heartbeat file while PostgreSQL and Redis answer', async () => {
    for (let i = 0; i < 50 && !existsSync(heartbeatFile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const written = new Date(readFileSync(heartbeatFile, 'utf8')).getTime();
    expect(Date.now() - written).toBeLessThan(15000);
  });

  it('two concurrent generateSchedule calls: one run, one CONFLICT', async () => {
    const [first, second] = await Promise.all([
      gql<{ generateSchedule: { id: string } }>(api.app, GENERATE, { forumId: f.forumId }, f.organizer),
      gql<{ generateSchedule: { id: string } }>(api.app, GENERATE, { forumId: f.forumId }, f.organizer),
    ]);
    const outcomes = [first, second].map((response) => (response.errors ? codeOf(response) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const winner = (first.data ?? second.data)!.generateSchedule.id;
    await waitForRun(api, f.organizer, winner);
  });

  it('the database refuses a double booking, whatever the code does', async () => {
    const dataSource = api.app.get(DataSource);
    const [meeting] = await dataSource.query('SELECT id, schedule_id, slot_id, table_id, company_a_id, company_b_id FROM meeting LIMIT 1');
    const [otherTable] = await dataSource.query('SELECT id FROM forum_table WHERE id <> $1 LIMIT 1', [meeting.table_id]);
    // Same table in the same slot of the same schedule.
    await expect(
      dataSource.query('INSERT INTO meeting (schedule_id, slot_id, table_id, company_a_id, company_b_id) VALUES ($1, $2, $3, $4, $5)', [
        meeting.schedule_id, meeting.slot_id, meeting.table_id, f.ids.vn2 < f.ids.kr2 ? f.ids.vn2 : f.ids.kr2, f.ids.vn2 < f.ids.kr2 ? f.ids.kr2 : f.ids.vn2,
      ]),
    ).rejects.toThrow(/meeting_schedule_slot_table_unique|meeting_schedule_pair_unique/);
    // A company in two meetings of one slot (at another table), through the participant table:
    // vn1–kr2 never requested each other, so their meeting row itself is new.
    const [extra] = await dataSource.query(
      'INSERT INTO meeting (schedule_id, slot_id, table_id, company_a_id, company_b_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [meeting.schedule_id, meeting.slot_id, otherTable.id, ...[f.ids.vn1, f.ids.kr2].sort()],
    );
    await expect(
      dataSource.query('INSERT INTO meeting_participant (meeting_id, company_id, schedule_id, slot_id) VALUES ($1, $2, $3, $4)', [extra.id, meeting.company_a_id, meeting.schedule_id, meeting.slot_id]),
    ).rejects.toThrow(/meeting_participant_one_per_slot/);
    // And a participant cannot claim another slot than its meeting's.
    const [elsewhere] = await dataSource.query('SELECT id FROM slot WHERE id <> $1 LIMIT 1', [meeting.slot_id]);
    await expect(
      dataSource.query('INSERT INTO meeting_participant (meeting_id, company_id, schedule_id, slot_id) VALUES ($1, $2, $3, $4)', [extra.id, f.ids.vn1, meeting.schedule_id, elsewhere.id]),
    ).rejects.toThrow(/foreign key/);
    await dataSource.query('DELETE FROM meeting WHERE id = $1', [extra.id]);
  });
});

describe('single-process mode (no Redis): the API runs the schedule itself', () => {
  let api: TestApi;
  let f: ForumFixture;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    await closeRequests(api, f);
  });

  afterAll(() => api?.close());

  it('runs the job through the same service and reports which process ran it', async () => {
    expect(api.runtime.schedulingMode).toBe('in-process');
    const generated = ok(await gql<{ generateSchedule: { id: string } }>(api.app, GENERATE, { forumId: f.forumId }, f.organizer)).generateSchedule;
    await expect(api.app.get(InProcessSchedulingDispatcher).completion(generated.id)).resolves.toEqual({
      runId: generated.id,
      status: 'SUCCEEDED',
      processedBy: 'api',
    });
    expect(await waitForRun(api, f.organizer, generated.id)).toMatchObject({ status: 'SUCCEEDED', stats: { meetings: 2 } });
  });

  it('refuses to schedule a forum still taking requests, and to publish a run that did not succeed', async () => {
    const other = await gql(api.app, GENERATE, { forumId: f.draftForumId }, f.organizer);
    expect(codeOf(other)).toBe('CONFLICT');
    expect(codeOf(await gql(api.app, 'mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: '00000000-0000-4000-8000-000000000000' }, f.organizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, GENERATE, { forumId: f.forumId }, f.vn1))).toBe('FORBIDDEN');
  });

  it('organisers move, pin and cancel published meetings under the matcher\'s rules; a re-run keeps them', async () => {
    const generated = ok(await gql<{ generateSchedule: { id: string } }>(api.app, GENERATE, { forumId: f.forumId }, f.organizer)).generateSchedule;
    await waitForRun(api, f.organizer, generated.id);
    ok(await gql(api.app, 'mutation ($runId: ID!) { publishSchedule(runId: $runId) { version } }', { runId: generated.id }, f.organizer));
    type Published = { schedule: { version: number; meetings: { id: string; pinned: boolean; slot: { id: string; position: number }; table: { id: string; interpreter: boolean }; companies: { id: string }[] }[] } };
    const SCHEDULE = 'query ($forumId: ID!) { schedule(forumId: $forumId) { version meetings { id pinned slot { id position } table { id interpreter } companies { id } } } }';
    const before = ok(await gql<Published>(api.app, SCHEDULE, { forumId: f.forumId }, f.organizer)).schedule;
    expect(before.meetings).toHaveLength(2);
    const slots = ok(await gql<{ forum: { slots: { id: string }[]; tables: { id: string; interpreter: boolean }[] } }>(api.app, 'query ($id: ID!) { forum(id: $id) { slots { id } tables { id interpreter } } }', { id: f.forumId }, f.organizer)).forum;
    const interpreted = before.meetings.find((m) => m.companies.some((c) => c.id === f.ids.vn2))!;
    const plain = before.meetings.find((m) => m !== interpreted)!;
    const MOVE = 'mutation ($id: ID!, $slotId: ID!, $tableId: ID) { moveMeeting(id: $id, slotId: $slotId, tableId: $tableId) { id pinned } }';

    // vn2 and kr2 share no language: not at a plain table.
    const freeSlot = slots.slots.find((slot) => !before.meetings.some((m) => m.slot.id === slot.id))!;
    const plainTable = slots.tables.find((table) => !table.interpreter)!;
    expect(codeOf(await gql(api.app, MOVE, { id: interpreted.id, slotId: freeSlot.id, tableId: plainTable.id }, f.organizer))).toBe('CONFLICT');
    expect(codeOf(await gql(api.app, MOVE, { id: interpreted.id, slotId: 'nope' }, f.organizer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, MOVE, { id: interpreted.id, slotId: freeSlot.id }, f.otherOrganizer))).toBe('NOT_FOUND');
    const AGENDA = 'query ($forumId: ID!) { agenda(forumId: $forumId) { id slot { id } } }';
    const agendaBefore = ok(await gql<{ agenda: { id: string; slot: { id: string } }[] }>(api.app, AGENDA, { forumId: f.forumId }, f.vn2)).agenda;
    expect(agendaBefore.find((item) => item.id === interpreted.id)!.slot.id).toBe(interpreted.slot.id);
    const moved = ok(await gql<{ moveMeeting: { pinned: boolean } }>(api.app, MOVE, { id: interpreted.id, slotId: freeSlot.id }, f.organizer)).moveMeeting;
    // The company's agenda shows the move at once (cached agendas are cleared by the edit).
    const agendaAfter = ok(await gql<{ agenda: { id: string; slot: { id: string } }[] }>(api.app, AGENDA, { forumId: f.forumId }, f.vn2)).agenda;
    expect(agendaAfter.find((item) => item.id === interpreted.id)!.slot.id).toBe(freeSlot.id);
    expect(moved.pinned).toBe(true);
    const after = ok(await gql<Published>(api.app, SCHEDULE, { forumId: f.forumId }, f.organizer)).schedule;
    const now = after.meetings.find((m) => m.id === interpreted.id)!;
    expect(now.slot.id).toBe(freeSlot.id);
    expect(now.table.interpreter).toBe(true);

    // Cancel the other meeting, then re-run keeping the published schedule: the moved meeting stays put.
    ok(await gql(api.app, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: plain.id }, f.organizer));
    expect(codeOf(await gql(api.app, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: plain.id }, f.organizer))).toBe('NOT_FOUND');
    const rerun = ok(
      await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($forumId: ID!) { generateSchedule(forumId: $forumId, options: { keepPublished: true }) { id } }', { forumId: f.forumId }, f.organizer),
    ).generateSchedule;
    expect(await waitForRun(api, f.organizer, rerun.id)).toMatchObject({ status: 'SUCCEEDED', stats: { meetings: 2 } });
    const draft = ok(
      await gql<{ schedule: Published['schedule'] }>(api.app, SCHEDULE.replace('schedule(forumId: $forumId)', 'schedule(forumId: $forumId, runId: $runId)').replace('($forumId: ID!)', '($forumId: ID!, $runId: ID)'), { forumId: f.forumId, runId: rerun.id }, f.organizer),
    ).schedule;
    const kept = draft.meetings.find((m) => m.companies.some((c) => c.id === f.ids.vn2))!;
    expect(kept).toMatchObject({ pinned: true, slot: { id: freeSlot.id }, table: { id: now.table.id } });
    const version = ok(await gql<{ publishSchedule: { version: number } }>(api.app, 'mutation ($runId: ID!) { publishSchedule(runId: $runId) { version } }', { runId: rerun.id }, f.organizer));
    expect(version.publishSchedule.version).toBe(2);
  });

  it('streams a run over graphql-ws (scheduleRunUpdated) until it ends, and refuses anonymous subscribers', async () => {
    const { port } = api.app.getHttpServer().address() as { port: number };
    const subscribe = (token: string | undefined, id: string) =>
      new Promise<{ events: { status: string; progress: number }[]; error?: unknown }>((resolve) => {
        const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
        const events: { status: string; progress: number }[] = [];
        client.subscribe<{ scheduleRunUpdated: { status: string; progress: number } }>(
          { query: 'subscription ($id: ID!) { scheduleRunUpdated(id: $id) { status phase progress } }', variables: { id } },
          {
            next: (message) => {
              if (message.errors) return resolve({ events, error: message.errors });
              events.push(message.data!.scheduleRunUpdated);
            },
            error: (error) => {
              void client.dispose();
              resolve({ events, error });
            },
            complete: () => {
              void client.dispose();
              resolve({ events });
            },
          },
        );
      });
    const generated = ok(
      await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($forumId: ID!) { generateSchedule(forumId: $forumId, options: { keepPublished: true }) { id } }', { forumId: f.forumId }, f.organizer),
    ).generateSchedule;
    const streamed = await subscribe(f.organizer, generated.id);
    expect(streamed.error).toBeUndefined();
    expect(streamed.events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 100 });
    const progress = streamed.events.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    const anonymous = await subscribe(undefined, generated.id);
    expect(JSON.stringify(anonymous.error)).toMatch(/UNAUTHENTICATED/);
    const otherOrganizer = await subscribe(f.otherOrganizer, generated.id);
    expect(JSON.stringify(otherOrganizer.error)).toMatch(/NOT_FOUND/);
  });
});
