import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Company, Delegate, Registration } from '@forum/db';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { gql, ok } from './support/graphql';
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
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
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
      const queries = spy.mock.calls.filter(([sql]) => !/\b(notification|schedule_run)\b/.test(String(sql))).length;
      return { queries, edges: result.participants.edges };
    } finally {
      spy.mockRestore();
    }
  }

  it('uses a constant number of SQL queries', async () => {
    const small = await queriesFor(10);
    const large = await queriesFor(200);
    expect(small.edges).toHaveLength(10);
    expect(large.edges).toHaveLength(200);
    expect(large.edges.every((edge) => edge.node.sectors.length > 0 && edge.node.delegates.length > 0)).toBe(true);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeGreaterThanOrEqual(3); // user, forum, count, page, delegates…
    expect(large.queries).toBeLessThanOrEqual(8);
  });
});
