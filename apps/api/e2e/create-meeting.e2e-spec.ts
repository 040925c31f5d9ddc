import { createForumFixture, databaseFingerprint, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/** The organiser adds by hand a meeting the matcher did not place: an accepted request left over, with the checks of a move. */
describe('createMeeting and unscheduledRequests', () => {
  let api: TestApi;
  let f: ForumFixture;
  const CREATE = 'mutation ($in: CreateMeetingInput!) { createMeeting(input: $in) { id pinned } }';
  const UNSCHEDULED = 'query ($id: ID!) { unscheduledRequests(forumId: $id) { id from { name } to { name } } }';
  const SCHEDULE = 'query ($id: ID!) { schedule(forumId: $id) { meetings { id pinned slot { id } table { id interpreter } companies { id } } } }';
  type Meeting = { id: string; pinned: boolean; slot: { id: string }; table: { id: string; interpreter: boolean }; companies: { id: string }[] };
  const meetings = async () => ok(await gql<{ schedule: { meetings: Meeting[] } }>(api.app, SCHEDULE, { id: f.forumId }, f.organizer)).schedule.meetings;
  const pairOf = (meeting: Meeting) => meeting.companies.map((company) => company.id).sort().join('|');
  let pair: string[];

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    pair = [f.ids.vn1, f.ids.kr1];
    // The matcher placed the accepted pair; cancel it so it is left over.
    const placed = (await meetings()).find((meeting) => pairOf(meeting) === [...pair].sort().join('|'))!;
    ok(await gql(api.app, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: placed.id }, f.organizer));
  });
  afterAll(() => api.close());

  it('lists the accepted request whose pair does not meet, and adds it where both companies and a table are free', async () => {
    const { unscheduledRequests } = ok(await gql<{ unscheduledRequests: { id: string; from: { name: string }; to: { name: string } }[] }>(api.app, UNSCHEDULED, { id: f.forumId }, f.organizer));
    expect(unscheduledRequests).toEqual([{ id: f.requestId, from: { name: 'VinaTech Software' }, to: { name: 'Seoul AI Labs' } }]);
    const before = await meetings();
    const busy = new Set(before.filter((meeting) => meeting.companies.some((company) => pair.includes(company.id))).map((meeting) => meeting.slot.id));
    const free = f.slotIds.find((slot) => !busy.has(slot))!;
    const created = ok(await gql<{ createMeeting: { id: string; pinned: boolean } }>(api.app, CREATE, { in: { forumId: f.forumId, companyIds: pair, slotId: free } }, f.organizer)).createMeeting;
    expect(created.pinned).toBe(true);
    const after = await meetings();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((meeting) => meeting.id === created.id)).toMatchObject({ slot: { id: free } });
    expect(ok(await gql<{ unscheduledRequests: unknown[] }>(api.app, UNSCHEDULED, { id: f.forumId }, f.organizer)).unscheduledRequests).toEqual([]);
    // VinaTech's agenda shows it at once.
    const { agenda } = ok(await gql<{ agenda: { id: string }[] }>(api.app, 'query ($id: ID!) { agenda(forumId: $id) { id } }', { id: f.forumId }, f.vn1));
    expect(agenda.map((item) => item.id)).toContain(created.id);
  });

  it.each([
    ['the same pair again', () => ({ companyIds: pair, slotId: f.slotIds[0] }), () => f.organizer, ['CONFLICT']],
    ['two companies of one side', () => ({ companyIds: [f.ids.vn1, f.ids.vn2], slotId: f.slotIds[0] }), () => f.organizer, ['BAD_USER_INPUT']],
    ['one company twice', () => ({ companyIds: [f.ids.vn1, f.ids.vn1], slotId: f.slotIds[0] }), () => f.organizer, ['BAD_USER_INPUT']],
    ['a slot of no forum', () => ({ companyIds: [f.ids.vn2, f.ids.kr2], slotId: '00000000-0000-4000-8000-000000000000' }), () => f.organizer, ['BAD_USER_INPUT', 'CONFLICT']],
    ['a company', () => ({ companyIds: [f.ids.vn2, f.ids.kr2], slotId: f.slotIds[0] }), () => f.vn1, ['FORBIDDEN']],
    ['another organiser', () => ({ companyIds: [f.ids.vn2, f.ids.kr2], slotId: f.slotIds[0] }), () => f.otherOrganizer, ['NOT_FOUND']],
  ])('refuses %s and changes nothing', async (_name, input, token, codes) => {
    const before = await databaseFingerprint(api.app);
    expect(codes).toContain(codeOf(await gql(api.app, CREATE, { in: { forumId: f.forumId, ...input() } }, token())));
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });

  it('refuses a slot where one of the companies already meets', async () => {
    // VinaTech meets Seoul AI Labs (added above): Busan Chips cannot meet VinaTech in that slot.
    const taken = (await meetings()).find((meeting) => meeting.companies.some((company) => company.id === f.ids.vn1))!;
    const before = await databaseFingerprint(api.app);
    const response = await gql(api.app, CREATE, { in: { forumId: f.forumId, companyIds: [f.ids.vn1, f.ids.kr2], slotId: taken.slot.id } }, f.organizer);
    expect(['CONFLICT']).toContain(codeOf(response));
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });

  it("shows the organiser a company's agenda as the company sees it, and no one else", async () => {
    const AGENDA = 'query ($id: ID!, $c: ID) { agenda(forumId: $id, companyId: $c) { id slot { id } counterpart { name } } }';
    const own = ok(await gql<{ agenda: unknown[] }>(api.app, AGENDA, { id: f.forumId }, f.vn1)).agenda;
    expect(own.length).toBeGreaterThan(0);
    expect(ok(await gql<{ agenda: unknown[] }>(api.app, AGENDA, { id: f.forumId, c: f.ids.vn1 }, f.organizer)).agenda).toEqual(own);
    expect(codeOf(await gql(api.app, AGENDA, { id: f.forumId, c: f.ids.vn1 }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, AGENDA, { id: f.forumId, c: f.ids.vn1 }, f.kr1))).toBe('FORBIDDEN');
    expect(codeOf(await gql(api.app, AGENDA, { id: f.forumId, c: '00000000-0000-4000-8000-000000000000' }, f.organizer))).toBe('NOT_FOUND');
  });
});
