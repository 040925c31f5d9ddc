import { DataSource } from 'typeorm';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

const REQUEST = 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }';
const ACCEPT = 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id status } }';
const WITHDRAW = 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id status } }';

/** Two people acting on one request at the same moment: exactly one wins, the other is told. */
describe('concurrent changes of a meeting request', () => {
  let api: TestApi;
  let f: ForumFixture;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
  });

  afterAll(() => api.close());

  it('lets exactly one of accept and withdraw succeed, and the request ends as the winner said (30 trials)', async () => {
    for (let trial = 0; trial < 30; trial++) {
      const id = ok(await gql<{ requestMeeting: { id: string } }>(api.app, REQUEST, { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 3 } }, f.vn2)).requestMeeting.id;
      const [accepted, withdrawn] = await Promise.all([gql<{ respondToMeetingRequest: { status: string } }>(api.app, ACCEPT, { id }, f.kr2), gql<{ withdrawMeetingRequest: { status: string } }>(api.app, WITHDRAW, { id }, f.vn2)]);
      const [{ status }] = await api.app.get(DataSource).query('SELECT status FROM meeting_request WHERE id = $1', [id]);
      // Withdraw may also legitimately follow a committed accept (ACCEPTED → WITHDRAWN): then both succeed in order.
      const codes = [accepted, withdrawn].map((response) => response.errors?.[0]?.extensions?.code ?? 'OK');
      expect(codes.filter((code) => code !== 'OK' && code !== 'CONFLICT')).toEqual([]);
      if (codes[0] === 'OK' && codes[1] === 'OK') expect(status).toBe('WITHDRAWN');
      else if (codes[0] === 'OK') expect(status).toBe('ACCEPTED');
      else expect(status).toBe('WITHDRAWN');
      expect(codes).not.toEqual(['CONFLICT', 'CONFLICT']);
      if (status === 'ACCEPTED') ok(await gql(api.app, WITHDRAW, { id }, f.vn2));
    }
  });
});
