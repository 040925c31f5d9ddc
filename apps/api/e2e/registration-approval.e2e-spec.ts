import { AuthService } from '../src/auth/auth.service';
import { createForumFixture, databaseFingerprint, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/** Forums that approve each registration: until approved, a company is not seen, cannot be asked or ask, and is not scheduled. */
describe('registration approval', () => {
  let api: TestApi;
  let f: ForumFixture;
  let newcomer: string;
  let newcomerId: string;
  let registrationId: string;
  const REGISTER = 'mutation ($forumId: ID!, $in: RegistrationInput!) { registerForForum(forumId: $forumId, input: $in) { id status } }';
  const SET = 'mutation ($id: ID!, $status: RegistrationStatus!) { setRegistrationStatus(id: $id, status: $status) { id status } }';
  const PARTICIPANTS = 'query ($id: ID!) { participants(forumId: $id, first: 50) { totalCount edges { node { id } } } }';
  const REQUEST = 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }';
  const seenBy = async (token: string) => ok(await gql<{ participants: { edges: { node: { id: string } }[] } }>(api.app, PARTICIPANTS, { id: f.forumId }, token)).participants.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    const forum = ok(await gql<{ updateForum: { requireApproval: boolean } }>(api.app, 'mutation ($id: ID!) { updateForum(id: $id, input: { requireApproval: true }) { requireApproval } }', { id: f.forumId }, f.organizer));
    expect(forum.updateForum.requireApproval).toBe(true);
    const session = await api.app.get(AuthService).signUp({
      email: 'newcomer@example.com',
      password: 'company-password',
      name: 'Newcomer',
      company: { name: 'Quang Nam Robotics', country: 'VN', sectors: ['AI'], offers: ['AI partners'], seeks: ['offshore development'], languages: ['vi', 'en'] },
    });
    newcomer = session.accessToken;
    newcomerId = session.user.companyId as string;
    const registered = ok(await gql<{ registerForForum: { id: string; status: string } }>(api.app, REGISTER, { forumId: f.forumId, in: { side: 'VN', delegates: [{ name: 'N', email: 'n@example.com' }] } }, newcomer));
    registrationId = registered.registerForForum.id;
    expect(registered.registerForForum.status).toBe('PENDING');
  });
  afterAll(() => api.close());

  it('keeps a pending company out of sight and out of requests; it sees itself, the organiser sees it', async () => {
    expect(await seenBy(f.kr1)).not.toContain(newcomerId);
    expect(await seenBy(newcomer)).toContain(newcomerId);
    expect(await seenBy(f.organizer)).toContain(newcomerId);
    expect(codeOf(await gql(api.app, 'query ($id: ID!, $c: ID!) { participant(forumId: $id, companyId: $c) { name } }', { id: f.forumId, c: newcomerId }, f.kr1))).toBe('NOT_FOUND');
    const { recommendedPartners } = ok(await gql<{ recommendedPartners: { company: { id: string } }[] }>(api.app, 'query ($id: ID!) { recommendedPartners(forumId: $id) { company { id } } }', { id: f.forumId }, f.kr1));
    expect(recommendedPartners.map((r) => r.company.id)).not.toContain(newcomerId);
    const before = await databaseFingerprint(api.app);
    expect(codeOf(await gql(api.app, REQUEST, { in: { forumId: f.forumId, toCompanyId: newcomerId, priority: 3 } }, f.kr1))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, REQUEST, { in: { forumId: f.forumId, toCompanyId: f.ids.kr1, priority: 3 } }, newcomer))).toBe('CONFLICT');
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });

  it('lets only the forum organiser approve or reject', async () => {
    const before = await databaseFingerprint(api.app);
    expect(codeOf(await gql(api.app, SET, { id: registrationId, status: 'APPROVED' }, f.kr1))).toBe('FORBIDDEN');
    expect(codeOf(await gql(api.app, SET, { id: registrationId, status: 'APPROVED' }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, SET, { id: registrationId, status: 'MAYBE' }, f.organizer))).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });

  it('once approved, the company is seen, asked and scheduled; once rejected, it is left out of the next schedule', async () => {
    expect(ok(await gql<{ setRegistrationStatus: { status: string } }>(api.app, SET, { id: registrationId, status: 'APPROVED' }, f.organizer)).setRegistrationStatus.status).toBe('APPROVED');
    expect(await seenBy(f.kr1)).toContain(newcomerId);
    const request = ok(await gql<{ requestMeeting: { id: string } }>(api.app, REQUEST, { in: { forumId: f.forumId, toCompanyId: newcomerId, priority: 5 } }, f.kr2)).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: request.id }, newcomer));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    const MEETS = 'query ($id: ID!) { schedule(forumId: $id) { meetings { companies { id } } } }';
    const scheduled = async () => ok(await gql<{ schedule: { meetings: { companies: { id: string }[] }[] } }>(api.app, MEETS, { id: f.forumId }, f.organizer)).schedule.meetings.flatMap((m) => m.companies.map((c) => c.id));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    expect(await scheduled()).toContain(newcomerId);
    ok(await gql(api.app, SET, { id: registrationId, status: 'REJECTED' }, f.organizer));
    expect(await seenBy(f.kr1)).not.toContain(newcomerId);
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    expect(await scheduled()).not.toContain(newcomerId);
  });
});
