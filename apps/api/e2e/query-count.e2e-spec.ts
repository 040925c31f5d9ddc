import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Company, Delegate, Registration } from '@forum/db';
import { AgendasService } from '../src/agendas/agendas.service';
import type { Principal } from '../src/common/principal';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/** Listing participants with their sectors and delegates costs the same few queries for 10 or 200 of them. */
describe('participants: no N+1', () => {
  let api: TestApi;
  let f: ForumFixture;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    const dataSource = api.app.get(DataSource);
    for (let i = 0; i < 200; i++) {
      const korean = i % 2 === 0;
      const company = await dataSource.getRepository(Company).save({
        name: `Company ${String(i).padStart(3, '0')}`,
        country: korean ? 'KR' : 'VN',
        sectors: ['SOFTWARE', `SECTOR-${i % 7}`],
        offers: ['things'],
        seeks: ['other things'],
        languages: [korean ? 'ko' : 'vi'],
      });
      const registration = await dataSource.getRepository(Registration).save({ forumId: f.forumId, companyId: company.id, side: company.country });
      await dataSource.getRepository(Delegate).save([
        { registrationId: registration.id, name: `Delegate ${i}a`, email: `d${i}a@example.com`, languages: company.languages },
        { registrationId: registration.id, name: `Delegate ${i}b`, email: `d${i}b@example.com`, languages: company.languages },
      ]);
    }
  });

  afterAll(() => api.close());

  async function queriesFor(first: number) {
    // Through TypeORM's query runners, and straight on the pool (the hot reads' named statements).
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const pool = jest.spyOn((api.app.get(DataSource).driver as PostgresDriver).master as Pool, 'query');
    try {
      const result = ok(
        await gql<{ participants: { edges: { node: { sectors: string[]; delegates: { name: string }[] } }[] } }>(
          api.app,
          'query ($id: ID!, $first: Int) { participants(forumId: $id, first: $first) { totalCount edges { node { id name sectors delegates { name languages } } } } }',
          { id: f.forumId, first },
          f.vn1,
        ),
      );
      // The request's queries only: the notification sender polls its outbox and the run reconciler its runs meanwhile (single-process mode).
      const queries = spy.mock.calls.filter(([sql]) => !/\b(notification|schedule_run)\b/.test(String(sql))).length + pool.mock.calls.filter(([config]) => typeof config === 'object').length;
      return { queries, edges: result.participants.edges };
    } finally {
      spy.mockRestore();
      pool.mockRestore();
    }
  }

  it('uses a constant number of SQL queries', async () => {
    const small = await queriesFor(10);
    const large = await queriesFor(200);
    expect(small.edges).toHaveLength(10);
    expect(large.edges).toHaveLength(200);
    expect(large.edges.every((edge) => edge.node.sectors.length > 0 && edge.node.delegates.length > 0)).toBe(true);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeGreaterThanOrEqual(2); // the page with its forum and count, the delegates
    expect(large.queries).toBeLessThanOrEqual(8);
  });
});

/** Agendas asked for at the same moment share one statement, and each company still gets its own and nothing else. */
describe('agendas: one statement for many at once', () => {
  const AGENDA = 'query ($f: ID!, $c: ID) { agenda(forumId: $f, companyId: $c) { id slot { id startsAt } table { label } counterpart { id name delegates { name } } } }';
  let api: TestApi;
  let f: ForumFixture;
  let organizer: Principal;
  const company = (key: keyof ForumFixture['ids']): Principal => ({ userId: `user-${key}`, role: 'COMPANY', companyId: f.ids[key] });

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    const request = ok(
      await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 3 } }, f.vn2),
    ).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: request.id }, f.kr2));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    organizer = { userId: ok(await gql<{ me: { id: string } }>(api.app, '{ me { id } }', {}, f.organizer)).me.id, role: 'ORGANIZER', companyId: null };
  }, 60_000);

  afterAll(() => api.close());

  it('reads the agendas asked for in one turn with one statement, each as when read alone', async () => {
    const agendas = api.app.get(AgendasService);
    const keys = ['vn1', 'vn2', 'kr1', 'kr2'] as const;
    const alone = [];
    for (const key of keys) alone.push(await agendas.agendaFor(company(key), f.forumId));
    alone.push(await agendas.agendaOfCompany(organizer, f.forumId, f.ids.kr2));
    expect(alone.map((agenda) => agenda.entries.length)).toEqual([1, 1, 1, 1, 1]);
    expect(alone.map((agenda) => agenda.entries[0].counterpart.id)).toEqual([f.ids.kr1, f.ids.kr2, f.ids.vn1, f.ids.vn2, f.ids.vn2]);

    const pool = (api.app.get(DataSource).driver as PostgresDriver).master as Pool;
    const query = jest.spyOn(pool, 'query');
    try {
      const together = await Promise.allSettled([
        ...keys.map((key) => agendas.agendaFor(company(key), f.forumId)),
        agendas.agendaOfCompany(organizer, f.forumId, f.ids.kr2),
        agendas.agendaFor(company('vn1'), randomUUID()),
      ]);
      expect(together.slice(0, 5)).toEqual(alone.map((value) => ({ status: 'fulfilled', value })));
      expect(together[5]).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } });
      const statements = query.mock.calls.map(([config]) => (config as { name?: string; text?: string }).name ?? (config as { text?: string }).text);
      // One for the forum, one for the forum that does not exist.
      expect(statements.filter((name) => name === 'agenda-some-companies')).toHaveLength(2);
    } finally {
      query.mockRestore();
    }
  });

  it('gives every company its own agenda when they ask at once over HTTP', async () => {
    const tokens = [f.vn1, f.vn2, f.kr1, f.kr2, f.delegate];
    const alone = [];
    for (const token of tokens) alone.push(ok(await gql(api.app, AGENDA, { f: f.forumId }, token)));
    const together = await Promise.all(tokens.map((token) => gql(api.app, AGENDA, { f: f.forumId }, token)));
    expect(together.map((response) => ok(response))).toEqual(alone);
    // vn1 and its delegate see the same; nobody sees another's.
    expect(alone[4]).toEqual(alone[0]);
    expect(new Set(alone.slice(0, 4).map((agenda) => JSON.stringify(agenda))).size).toBe(4);
  });
});
