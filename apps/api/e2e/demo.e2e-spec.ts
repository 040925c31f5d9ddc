import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_COMPANY, DEMO_ORGANIZER, seedDemo } from '@forum/db';
import { checkSchedule, Instance } from '@forum/matcher';
import { gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/** The demo forum `npm start` seeds: realistic, deterministic, idempotent, and it schedules under every rule. */
describe('the demo forum', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api.close());

  it('seeds a Korea–Vietnam forum once, with its logins, and schedules it under every rule of the matcher', async () => {
    const dataSource = api.app.get(DataSource);
    const seeded = await seedDemo(dataSource);
    expect(seeded).toMatchObject({ created: true, companies: 100 });
    expect(seeded.requests).toBeGreaterThan(250);
    expect(await seedDemo(dataSource)).toMatchObject({ created: false, forumId: seeded.forumId, companies: 100, requests: seeded.requests });
    const [{ kr, vn }] = await dataSource.query("SELECT count(*) FILTER (WHERE side = 'KR')::int AS kr, count(*) FILTER (WHERE side = 'VN')::int AS vn FROM registration WHERE forum_id = $1", [seeded.forumId]);
    expect({ kr, vn }).toEqual({ kr: 40, vn: 60 });
    const statuses = await dataSource.query('SELECT status, count(*)::int AS n FROM meeting_request WHERE forum_id = $1 GROUP BY status ORDER BY status', [seeded.forumId]);
    expect(statuses.map((row: { status: string }) => row.status)).toEqual(['ACCEPTED', 'DECLINED', 'PENDING']);

    const login = async (email: string, password: string) =>
      ok(await gql<{ login: { accessToken: string } }>(api.app, 'mutation ($in: LoginInput!) { login(input: $in) { accessToken } }', { in: { email, password } })).login.accessToken;
    const organizer = await login(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const company = await login(DEMO_COMPANY.email, DEMO_COMPANY.password);
    const forum = ok(await gql<{ forum: { slots: { label: string }[]; tables: { interpreter: boolean }[] } }>(api.app, 'query ($id: ID!) { forum(id: $id) { slots { label } tables { interpreter } } }', { id: seeded.forumId }, organizer)).forum;
    expect(forum.slots.map((slot) => slot.label)).toEqual(['09:00–09:25', '09:30–09:55', '10:00–10:25', '10:30–10:55', '11:00–11:25', '11:30–11:55', '13:30–13:55', '14:00–14:25', '14:30–14:55', '15:00–15:25', '15:30–15:55', '16:00–16:25', '16:30–16:55']);
    expect(forum.tables.filter((table) => table.interpreter)).toHaveLength(8);

    const runId = ok(await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($f: ID!) { generateSchedule(forumId: $f) { id } }', { f: seeded.forumId }, organizer)).generateSchedule.id;
    let run: { status: string; stats: { meetings: number; holes: number; weight: number; upperBound: number } | null };
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = ok(await gql<{ scheduleRun: typeof run }>(api.app, 'query ($id: ID!) { scheduleRun(id: $id) { status stats { meetings holes weight upperBound } } }', { id: runId }, organizer)).scheduleRun;
    } while (run.status === 'QUEUED' || run.status === 'RUNNING');
    expect(run.status).toBe('SUCCEEDED');
    expect(run.stats!.meetings).toBeGreaterThan(150);
    expect(run.stats!.weight / run.stats!.upperBound).toBeGreaterThan(0.99);
    ok(await gql(api.app, 'mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: runId }, organizer));

    // The matcher's own validator on the published schedule, against the instance the run solved.
    const instance = (await request(api.app.getHttpServer()).get(`/forums/${seeded.forumId}/runs/${runId}/instance.json`).set('authorization', `Bearer ${organizer}`).expect(200)).body as Instance;
    const published = ok(
      await gql<{ schedule: { meetings: { slot: { id: string }; table: { id: string }; companies: { id: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { slot { id } table { id } companies { id } } } }', { f: seeded.forumId }, organizer),
    ).schedule;
    const schedule = { format: 'forum-matcher/v1' as const, objective: 0, meetings: published.meetings.map((m) => ({ a: m.companies[0].id, b: m.companies[1].id, slot: m.slot.id, table: m.table.id })) };
    expect(checkSchedule(instance, schedule)).toEqual([]);

    const agenda = ok(await gql<{ agenda: unknown[] }>(api.app, 'query ($f: ID!) { agenda(forumId: $f) { slot { label } counterpart { name } } }', { f: seeded.forumId }, company)).agenda;
    expect(agenda.length).toBeGreaterThan(0);
    // A whole run of the matcher with its default iterations: 13 s alone, over 60 s beside the browser tests on 2 cores.
  }, 180_000);
});
