import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

const CHECK_IN = 'mutation ($f: ID!, $code: String!) { checkIn(forumId: $f, code: $code) { companyId checkedInAt company { name } delegates { name } } }';
const MARK = 'mutation ($id: ID!, $status: AttendanceStatus!, $absent: ID) { markAttendance(meetingId: $id, status: $status, absentCompanyId: $absent) { id attendance absentCompanyId } }';

/** The forum day: the check-in desk takes a company's code, and meetings are marked held or missed. */
describe('forum day: check-in and attendance', () => {
  let api: TestApi;
  let f: ForumFixture;
  let meetingId: string;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    const { schedule } = ok(await gql<{ schedule: { meetings: { id: string; companies: { id: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { id companies { id } } } }', { f: f.forumId }, f.organizer));
    meetingId = schedule.meetings.find((m) => m.companies.some((c) => c.id === f.ids.vn1) && m.companies.some((c) => c.id === f.ids.kr1))!.id;
  });

  afterAll(() => api.close());

  it("checks a company in by the code on its agenda, once: a second scan answers the first scan's time", async () => {
    const { myRegistration } = ok(await gql<{ myRegistration: { checkInCode: string; checkedInAt: string | null } }>(api.app, 'query ($f: ID!) { myRegistration(forumId: $f) { checkInCode checkedInAt } }', { f: f.forumId }, f.vn1));
    expect(myRegistration.checkInCode).toMatch(/^[0-9A-F]{8}$/);
    expect(myRegistration.checkedInAt).toBeNull();
    // Typed at the desk, in lower case with spaces.
    const first = ok(await gql<{ checkIn: { companyId: string; checkedInAt: string; company: { name: string }; delegates: { name: string }[] } }>(api.app, CHECK_IN, { f: f.forumId, code: ` ${myRegistration.checkInCode.toLowerCase()} ` }, f.organizer)).checkIn;
    expect(first).toMatchObject({ companyId: f.ids.vn1, company: { name: 'VinaTech Software' }, delegates: [{ name: 'vn1 delegate' }] });
    expect(Date.now() - Date.parse(first.checkedInAt)).toBeLessThan(60_000);
    const again = ok(await gql<{ checkIn: { checkedInAt: string } }>(api.app, CHECK_IN, { f: f.forumId, code: myRegistration.checkInCode }, f.organizer)).checkIn;
    expect(again.checkedInAt).toBe(first.checkedInAt);

    expect(codeOf(await gql(api.app, CHECK_IN, { f: f.forumId, code: 'ZZZZ9999' }, f.organizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, CHECK_IN, { f: f.forumId, code: 'not a code!' }, f.organizer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, CHECK_IN, { f: f.forumId, code: myRegistration.checkInCode }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, CHECK_IN, { f: f.forumId, code: myRegistration.checkInCode }, f.vn1))).toBe('FORBIDDEN');
    // Codes differ from company to company.
    const codes = await Promise.all([f.vn1, f.vn2, f.kr1, f.kr2].map(async (token) => ok(await gql<{ myRegistration: { checkInCode: string } }>(api.app, 'query ($f: ID!) { myRegistration(forumId: $f) { checkInCode } }', { f: f.forumId }, token)).myRegistration.checkInCode));
    expect(new Set(codes).size).toBe(4);
  });

  it('marks a meeting held or missed: a company marks its counterpart absent, the organiser names who was', async () => {
    const missed = ok(await gql<{ markAttendance: { attendance: string; absentCompanyId: string } }>(api.app, MARK, { id: meetingId, status: 'NO_SHOW' }, f.vn1)).markAttendance;
    expect(missed).toMatchObject({ attendance: 'NO_SHOW', absentCompanyId: f.ids.kr1 });
    // The delegate of VinaTech may mark too; a company cannot blame itself through the other's id.
    ok(await gql(api.app, MARK, { id: meetingId, status: 'NO_SHOW' }, f.delegate));
    expect(codeOf(await gql(api.app, MARK, { id: meetingId, status: 'NO_SHOW', absent: f.ids.vn1 }, f.vn1))).toBe('FORBIDDEN');
    // Companies not in the meeting and other organisers do not see it.
    expect(codeOf(await gql(api.app, MARK, { id: meetingId, status: 'HELD' }, f.vn2))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, MARK, { id: meetingId, status: 'HELD' }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, MARK, { id: meetingId, status: 'NO_SHOW' }, f.organizer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, MARK, { id: meetingId, status: 'HELD', absent: f.ids.kr1 }, f.organizer))).toBe('BAD_USER_INPUT');
    const held = ok(await gql<{ markAttendance: { attendance: string; absentCompanyId: string | null } }>(api.app, MARK, { id: meetingId, status: 'HELD' }, f.organizer)).markAttendance;
    expect(held).toEqual({ id: meetingId, attendance: 'HELD', absentCompanyId: null });
    const { schedule } = ok(await gql<{ schedule: { meetings: { id: string; attendance: string | null }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { id attendance } } }', { f: f.forumId }, f.organizer));
    expect(schedule.meetings.find((m) => m.id === meetingId)!.attendance).toBe('HELD');
    // Both companies' agendas say so.
    for (const token of [f.vn1, f.kr1]) {
      const { agenda } = ok(await gql<{ agenda: { id: string; attendance: string | null }[] }>(api.app, 'query ($f: ID!) { agenda(forumId: $f) { id attendance } }', { f: f.forumId }, token));
      expect(agenda.find((item) => item.id === meetingId)!.attendance).toBe('HELD');
    }
  });
});
