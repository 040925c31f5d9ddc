import { createForumFixture, databaseFingerprint, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/** A company changes the times it cannot meet (and its meeting limit) while the forum is open, and only then. */
describe('updateMyRegistration', () => {
  let api: TestApi;
  let f: ForumFixture;
  const UPDATE = 'mutation ($id: ID!, $in: UpdateRegistrationInput!) { updateMyRegistration(forumId: $id, input: $in) { unavailableSlotIds maxMeetings } }';
  const MINE = 'query ($id: ID!) { myRegistration(forumId: $id) { unavailableSlotIds maxMeetings delegates { email } } }';
  type Mine = { myRegistration: { unavailableSlotIds: string[]; maxMeetings: number | null; delegates: { email: string }[] } };

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
  });
  afterAll(() => api.close());

  it('replaces the unavailable slots and keeps what was left out; another company is untouched', async () => {
    const kr1Before = ok(await gql<Mine>(api.app, MINE, { id: f.forumId }, f.kr1)).myRegistration;
    const updated = ok(await gql<{ updateMyRegistration: { unavailableSlotIds: string[]; maxMeetings: number | null } }>(api.app, UPDATE, { id: f.forumId, in: { unavailableSlotIds: [f.slotIds[0], f.slotIds[2]], maxMeetings: 1 } }, f.vn1));
    expect(new Set(updated.updateMyRegistration.unavailableSlotIds)).toEqual(new Set([f.slotIds[0], f.slotIds[2]]));
    expect(updated.updateMyRegistration.maxMeetings).toBe(1);
    ok(await gql(api.app, UPDATE, { id: f.forumId, in: { unavailableSlotIds: [f.slotIds[1]] } }, f.vn1));
    const mine = ok(await gql<Mine>(api.app, MINE, { id: f.forumId }, f.vn1)).myRegistration;
    expect(mine.unavailableSlotIds).toEqual([f.slotIds[1]]);
    expect(mine.maxMeetings).toBe(1);
    expect(mine.delegates.length).toBeGreaterThan(0);
    expect(ok(await gql<Mine>(api.app, MINE, { id: f.forumId }, f.kr1)).myRegistration).toEqual(kr1Before);
  });

  it("shows the organiser every registration with its company, delegates' emails and the slots it cannot meet in", async () => {
    const { registrations } = ok(
      await gql<{ registrations: { company: { name: string }; unavailableSlotIds: string[]; delegates: { email: string | null }[]; activity: Record<string, number> }[] }>(
        api.app,
        'query ($id: ID!) { registrations(forumId: $id) { company { name } unavailableSlotIds delegates { email } activity { requestsSent requestsReceived requestsAccepted requestsAwaitingAnswer meetings } } }',
        { id: f.forumId },
        f.organizer,
      ),
    );
    expect(registrations.map((r) => r.company.name)).toEqual(['Busan Chips', 'Hanoi Cloud', 'Seoul AI Labs', 'VinaTech Software']);
    expect(registrations.find((r) => r.company.name === 'VinaTech Software')!.unavailableSlotIds).toEqual([f.slotIds[1]]);
    expect(registrations.every((r) => r.delegates.every((d) => typeof d.email === 'string'))).toBe(true);
    // The fixture's one pending request, VinaTech → Seoul AI Labs; nothing scheduled yet.
    const activity = Object.fromEntries(registrations.map((r) => [r.company.name, r.activity]));
    expect(activity['VinaTech Software']).toEqual({ requestsSent: 1, requestsReceived: 0, requestsAccepted: 0, requestsAwaitingAnswer: 0, meetings: 0 });
    expect(activity['Seoul AI Labs']).toEqual({ requestsSent: 0, requestsReceived: 1, requestsAccepted: 0, requestsAwaitingAnswer: 1, meetings: 0 });
    expect(activity['Busan Chips']).toEqual({ requestsSent: 0, requestsReceived: 0, requestsAccepted: 0, requestsAwaitingAnswer: 0, meetings: 0 });
  });

  it.each([
    ['a slot of another forum', () => ({ unavailableSlotIds: ['00000000-0000-4000-8000-000000000000'] }), () => f.vn1, 'BAD_USER_INPUT'],
    ['more meetings than the forum allows', () => ({ maxMeetings: 50 }), () => f.vn1, 'BAD_USER_INPUT'],
    ['a delegate (read-only)', () => ({ maxMeetings: 1 }), () => f.delegate, 'FORBIDDEN'],
    ['an organiser', () => ({ maxMeetings: 1 }), () => f.organizer, 'FORBIDDEN'],
    ['nobody signed in', () => ({ maxMeetings: 1 }), () => undefined, 'UNAUTHENTICATED'],
  ])('refuses %s and changes nothing', async (_name, input, token, code) => {
    const before = await databaseFingerprint(api.app);
    expect(codeOf(await gql(api.app, UPDATE, { id: f.forumId, in: input() }, token()))).toBe(code);
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });

  it('refuses a company not registered (NOT_FOUND) and a forum past OPEN (CONFLICT)', async () => {
    expect(codeOf(await gql(api.app, UPDATE, { id: f.draftForumId, in: { maxMeetings: 1 } }, f.vn1))).toBe('NOT_FOUND');
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    const before = await databaseFingerprint(api.app);
    expect(codeOf(await gql(api.app, UPDATE, { id: f.forumId, in: { unavailableSlotIds: [] } }, f.vn1))).toBe('CONFLICT');
    expect(await databaseFingerprint(api.app)).toEqual(before);
  });
});
