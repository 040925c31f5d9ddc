import { createForumFixture, databaseFingerprint, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/**
 * Every operation that takes an id, called by someone who may not: the wrong
 * company, a delegate, an anonymous caller, the organiser of another forum.
 * Each is refused with a coded error and changes no row.
 */
describe('authorization matrix', () => {
  let api: TestApi;
  let f: ForumFixture;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
  });

  afterAll(() => api.close());

  type Caller = 'anonymous' | 'wrongCompany' | 'delegate' | 'otherOrganizer' | 'company' | 'receiver' | 'sender' | 'organizer';
  const token = (caller: Caller): string | undefined =>
    ({
      anonymous: undefined,
      wrongCompany: f.vn2,
      delegate: f.delegate,
      otherOrganizer: f.otherOrganizer,
      company: f.vn1,
      receiver: f.kr1,
      sender: f.vn1,
      organizer: f.organizer,
    })[caller];

  const forumInput = { name: 'Renamed' };
  const cases: [string, string, () => Record<string, unknown>, Caller, string[]][] = [
    ['updateForum', 'mutation ($id: ID!, $in: UpdateForumInput!) { updateForum(id: $id, input: $in) { id } }', () => ({ id: f.forumId, in: forumInput }), 'anonymous', ['UNAUTHENTICATED']],
    ['updateForum', 'mutation ($id: ID!, $in: UpdateForumInput!) { updateForum(id: $id, input: $in) { id } }', () => ({ id: f.forumId, in: forumInput }), 'wrongCompany', ['FORBIDDEN']],
    ['updateForum', 'mutation ($id: ID!, $in: UpdateForumInput!) { updateForum(id: $id, input: $in) { id } }', () => ({ id: f.forumId, in: forumInput }), 'delegate', ['FORBIDDEN']],
    ['updateForum', 'mutation ($id: ID!, $in: UpdateForumInput!) { updateForum(id: $id, input: $in) { id } }', () => ({ id: f.forumId, in: forumInput }), 'otherOrganizer', ['NOT_FOUND']],
    ['setForumStatus', 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', () => ({ id: f.forumId }), 'anonymous', ['UNAUTHENTICATED']],
    ['setForumStatus', 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', () => ({ id: f.forumId }), 'company', ['FORBIDDEN']],
    ['setForumStatus', 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', () => ({ id: f.forumId }), 'delegate', ['FORBIDDEN']],
    ['setForumStatus', 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', () => ({ id: f.forumId }), 'otherOrganizer', ['NOT_FOUND']],
    ['forum (draft)', 'query ($id: ID!) { forum(id: $id) { id name } }', () => ({ id: f.draftForumId }), 'anonymous', ['UNAUTHENTICATED']],
    ['forum (draft)', 'query ($id: ID!) { forum(id: $id) { id name } }', () => ({ id: f.draftForumId }), 'company', ['NOT_FOUND']],
    ['forum (draft)', 'query ($id: ID!) { forum(id: $id) { id name } }', () => ({ id: f.draftForumId }), 'delegate', ['NOT_FOUND']],
    ['forum (draft)', 'query ($id: ID!) { forum(id: $id) { id name } }', () => ({ id: f.draftForumId }), 'otherOrganizer', ['NOT_FOUND']],
    ['registerForForum', 'mutation ($id: ID!, $in: RegistrationInput!) { registerForForum(forumId: $id, input: $in) { id } }', () => ({ id: f.forumId, in: { side: 'VN', delegates: [{ name: 'X', email: 'x@example.com' }] } }), 'anonymous', ['UNAUTHENTICATED']],
    ['registerForForum', 'mutation ($id: ID!, $in: RegistrationInput!) { registerForForum(forumId: $id, input: $in) { id } }', () => ({ id: f.forumId, in: { side: 'VN', delegates: [{ name: 'X', email: 'x@example.com' }] } }), 'delegate', ['FORBIDDEN']],
    ['registerForForum', 'mutation ($id: ID!, $in: RegistrationInput!) { registerForForum(forumId: $id, input: $in) { id } }', () => ({ id: f.forumId, in: { side: 'VN', delegates: [{ name: 'X', email: 'x@example.com' }] } }), 'otherOrganizer', ['FORBIDDEN']],
    ['registerForForum (draft)', 'mutation ($id: ID!, $in: RegistrationInput!) { registerForForum(forumId: $id, input: $in) { id } }', () => ({ id: f.draftForumId, in: { side: 'VN', delegates: [{ name: 'X', email: 'x@example.com' }] } }), 'wrongCompany', ['NOT_FOUND']],
    ['participants (draft)', 'query ($id: ID!) { participants(forumId: $id) { totalCount } }', () => ({ id: f.draftForumId }), 'wrongCompany', ['NOT_FOUND']],
    ['participants (draft)', 'query ($id: ID!) { participants(forumId: $id) { totalCount } }', () => ({ id: f.draftForumId }), 'otherOrganizer', ['NOT_FOUND']],
    ['participants', 'query ($id: ID!) { participants(forumId: $id) { totalCount } }', () => ({ id: f.forumId }), 'anonymous', ['UNAUTHENTICATED']],
    ['registrations', 'query ($id: ID!) { registrations(forumId: $id) { id } }', () => ({ id: f.forumId }), 'anonymous', ['UNAUTHENTICATED']],
    ['registrations', 'query ($id: ID!) { registrations(forumId: $id) { id } }', () => ({ id: f.forumId }), 'company', ['FORBIDDEN']],
    ['registrations', 'query ($id: ID!) { registrations(forumId: $id) { id } }', () => ({ id: f.forumId }), 'delegate', ['FORBIDDEN']],
    ['registrations', 'query ($id: ID!) { registrations(forumId: $id) { id } }', () => ({ id: f.forumId }), 'otherOrganizer', ['NOT_FOUND']],
    ['participant', 'query ($id: ID!, $c: ID!) { participant(forumId: $id, companyId: $c) { name } }', () => ({ id: f.forumId, c: f.ids.kr2 }), 'anonymous', ['UNAUTHENTICATED']],
    ['participant (draft)', 'query ($id: ID!, $c: ID!) { participant(forumId: $id, companyId: $c) { name } }', () => ({ id: f.draftForumId, c: f.ids.kr2 }), 'wrongCompany', ['NOT_FOUND']],
    ['participant (draft)', 'query ($id: ID!, $c: ID!) { participant(forumId: $id, companyId: $c) { name } }', () => ({ id: f.draftForumId, c: f.ids.kr2 }), 'otherOrganizer', ['NOT_FOUND']],
    ['recommendedPartners', 'query ($id: ID!) { recommendedPartners(forumId: $id) { score } }', () => ({ id: f.forumId }), 'anonymous', ['UNAUTHENTICATED']],
    ['recommendedPartners', 'query ($id: ID!) { recommendedPartners(forumId: $id) { score } }', () => ({ id: f.forumId }), 'otherOrganizer', ['FORBIDDEN']],
    ['requestMeeting', 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', () => ({ in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 3 } }), 'anonymous', ['UNAUTHENTICATED']],
    ['requestMeeting', 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', () => ({ in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 3 } }), 'delegate', ['FORBIDDEN']],
    ['requestMeeting', 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', () => ({ in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 3 } }), 'organizer', ['FORBIDDEN']],
    ['requestMeeting (draft forum)', 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', () => ({ in: { forumId: f.draftForumId, toCompanyId: f.ids.kr2, priority: 3 } }), 'company', ['NOT_FOUND']],
    ['respondToMeetingRequest', 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', () => ({ id: f.requestId }), 'anonymous', ['UNAUTHENTICATED']],
    ['respondToMeetingRequest', 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', () => ({ id: f.requestId }), 'sender', ['NOT_FOUND']],
    ['respondToMeetingRequest', 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', () => ({ id: f.requestId }), 'wrongCompany', ['NOT_FOUND']],
    ['respondToMeetingRequest', 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', () => ({ id: f.requestId }), 'delegate', ['FORBIDDEN']],
    ['respondToMeetingRequest', 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', () => ({ id: f.requestId }), 'otherOrganizer', ['FORBIDDEN']],
    ['withdrawMeetingRequest', 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', () => ({ id: f.requestId }), 'anonymous', ['UNAUTHENTICATED']],
    ['withdrawMeetingRequest', 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', () => ({ id: f.requestId }), 'receiver', ['NOT_FOUND']],
    ['withdrawMeetingRequest', 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', () => ({ id: f.requestId }), 'wrongCompany', ['NOT_FOUND']],
    ['withdrawMeetingRequest', 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', () => ({ id: f.requestId }), 'delegate', ['FORBIDDEN']],
    ['withdrawMeetingRequest', 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', () => ({ id: f.requestId }), 'organizer', ['FORBIDDEN']],
    ['meetingRequests', 'query ($id: ID!) { meetingRequests(forumId: $id, direction: SENT) { id } }', () => ({ id: f.forumId }), 'anonymous', ['UNAUTHENTICATED']],
    ['meetingRequests', 'query ($id: ID!) { meetingRequests(forumId: $id, direction: SENT) { id } }', () => ({ id: f.forumId }), 'organizer', ['FORBIDDEN']],
    ['meetingRequests (draft)', 'query ($id: ID!) { meetingRequests(forumId: $id, direction: SENT) { id } }', () => ({ id: f.draftForumId }), 'company', ['NOT_FOUND']],
    ['updateCompany', 'mutation ($in: CompanyInput!) { updateCompany(input: $in) { id } }', () => ({ in: { name: 'Hijacked', country: 'VN' } }), 'anonymous', ['UNAUTHENTICATED']],
    ['updateCompany', 'mutation ($in: CompanyInput!) { updateCompany(input: $in) { id } }', () => ({ in: { name: 'Hijacked', country: 'VN' } }), 'delegate', ['FORBIDDEN']],
    ['updateCompany', 'mutation ($in: CompanyInput!) { updateCompany(input: $in) { id } }', () => ({ in: { name: 'Hijacked', country: 'VN' } }), 'organizer', ['FORBIDDEN']],
    ['createDelegateAccount', 'mutation ($in: CreateDelegateAccountInput!) { createDelegateAccount(input: $in) { id } }', () => ({ in: { email: 'd2@example.com', password: 'long enough', name: 'D' } }), 'delegate', ['FORBIDDEN']],
    ['createDelegateAccount', 'mutation ($in: CreateDelegateAccountInput!) { createDelegateAccount(input: $in) { id } }', () => ({ in: { email: 'd2@example.com', password: 'long enough', name: 'D' } }), 'anonymous', ['UNAUTHENTICATED']],
    ['me', '{ me { id } }', () => ({}), 'anonymous', ['UNAUTHENTICATED']],
  ];

  const byCaller = cases.map(([operation, query, variables, caller, codes]) => [operation, caller, query, variables, codes] as const);
  it.each(byCaller)('%s called by %s is refused and changes nothing', async (_operation, caller, query, variables, codes) => {
    const before = await databaseFingerprint(api.app);
    const response = await gql(api.app, query, variables(), token(caller));
    expect(codes).toContain(codeOf(response));
    expect(response.data?.[Object.keys(response.data ?? {})[0]] ?? null).toBeNull();
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });

  it("answers another company's object the same way whether it exists or not", async () => {
    const missing = await gql(api.app, 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, f.vn2);
    const notYours = await gql(api.app, 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', { id: f.requestId }, f.vn2);
    expect(missing.errors?.[0].extensions).toEqual(notYours.errors?.[0].extensions);
    expect(missing.errors?.[0].message.replace(/[0-9a-f-]{36}/, 'ID')).toBe(notYours.errors?.[0].message.replace(/[0-9a-f-]{36}/, 'ID'));
  });

  it("shows delegates' emails only to their own company and the forum's organiser", async () => {
    const query = 'query ($id: ID!) { participants(forumId: $id, first: 10) { edges { node { id delegates { name email } } } } }';
    type Page = { participants: { edges: { node: { id: string; delegates: { email: string | null }[] } }[] } };
    const emailsSeenBy = async (token: string) =>
      Object.fromEntries(ok(await gql<Page>(api.app, query, { id: f.forumId }, token)).participants.edges.map((edge) => [edge.node.id, edge.node.delegates[0].email]));
    const byVn1 = await emailsSeenBy(f.vn1);
    expect(byVn1[f.ids.vn1]).toBe('delegate.vn1@example.com');
    expect(byVn1[f.ids.kr1]).toBeNull();
    expect(byVn1[f.ids.vn2]).toBeNull();
    const byOrganizer = await emailsSeenBy(f.organizer);
    expect(Object.values(byOrganizer).every((email) => typeof email === 'string')).toBe(true);
  });
});
