import { DataSource } from 'typeorm';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

const MARK_ABSENT = 'mutation ($f: ID!, $c: ID!, $s: ID!) { markAbsent(forumId: $f, companyId: $c, fromSlotId: $s) { id } }';
const PROPOSE =
  'mutation ($f: ID!, $s: ID!) { proposeRefill(forumId: $f, fromSlotId: $s) { id weight bound solveMs appliedAt fromSlot { id } meetings { id weight reason requestedBy topics slot { id } table { id interpreter } companies { id } } unfilled { slot { id } company { id } } } }';
const APPLY = 'mutation ($p: ID!, $m: [ID!]) { applyRefill(proposalId: $p, meetingIds: $m) { id version status } }';
const CHECK_IN = 'mutation ($f: ID!, $code: String!) { checkIn(forumId: $f, code: $code) { companyId } }';
const SCHEDULE = 'query ($f: ID!) { schedule(forumId: $f) { meetings { id refilled slot { id } table { id } companies { id } } } }';

interface Proposal {
  id: string;
  weight: number;
  bound: number;
  appliedAt: string | null;
  meetings: { id: string; weight: number; reason: string; requestedBy: string[]; topics: string[]; slot: { id: string }; table: { id: string; interpreter?: boolean }; companies: { id: string }[] }[];
  unfilled: { slot: { id: string }; company: { id: string } }[];
}
interface Placed {
  id: string;
  refilled: boolean;
  slot: { id: string };
  table: { id: string };
  companies: { id: string }[];
}

/**
 * The forum day's second chance: a company marked absent frees its meetings,
 * a re-fill proposes new ones for those left waiting (without moving anyone
 * else), and applying it is refused when the floor changed meanwhile.
 *
 * The published schedule is laid out by hand (slots 0–3, at most 2 meetings a
 * company): vn1–kr1 and vn2–kr2 in slot 1; vn2 asked to meet kr1 (accepted).
 */
describe('forum day: absent companies and re-fills', () => {
  let api: TestApi;
  let f: ForumFixture;
  let vn1kr1: string;

  const schedule = async () => ok(await gql<{ schedule: { meetings: Placed[] } }>(api.app, SCHEDULE, { f: f.forumId }, f.organizer)).schedule.meetings;
  const propose = async (slot: number) => ok(await gql<{ proposeRefill: Proposal }>(api.app, PROPOSE, { f: f.forumId, s: f.slotIds[slot] }, f.organizer)).proposeRefill;
  const pairOf = (m: { companies: { id: string }[] }) => m.companies.map((c) => c.id).sort().join('|');
  const checkIn = async (token: string) => {
    const { myRegistration } = ok(await gql<{ myRegistration: { checkInCode: string } }>(api.app, 'query ($f: ID!) { myRegistration(forumId: $f) { checkInCode } }', { f: f.forumId }, token));
    ok(await gql(api.app, CHECK_IN, { f: f.forumId, code: myRegistration.checkInCode }, f.organizer));
  };

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    const request = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr1, priority: 2 } }, f.vn2)).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: request.id }, f.kr1));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    for (const meeting of await schedule()) ok(await gql(api.app, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: meeting.id }, f.organizer));
    const create = 'mutation ($in: CreateMeetingInput!) { createMeeting(input: $in) { id } }';
    vn1kr1 = ok(await gql<{ createMeeting: { id: string } }>(api.app, create, { in: { forumId: f.forumId, companyIds: [f.ids.vn1, f.ids.kr1], slotId: f.slotIds[1] } }, f.organizer)).createMeeting.id;
    ok(await gql(api.app, create, { in: { forumId: f.forumId, companyIds: [f.ids.vn2, f.ids.kr2], slotId: f.slotIds[1] } }, f.organizer));
  });

  afterAll(() => api.close());

  it('frees the meetings of a company marked absent, once, and only for its organiser', async () => {
    expect(codeOf(await gql(api.app, MARK_ABSENT, { f: f.forumId, c: f.ids.kr2, s: f.slotIds[1] }, f.vn1))).toBe('FORBIDDEN');
    expect(codeOf(await gql(api.app, MARK_ABSENT, { f: f.forumId, c: f.ids.kr2, s: f.slotIds[1] }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, MARK_ABSENT, { f: f.forumId, c: f.ids.kr2, s: 'nope' }, f.organizer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, MARK_ABSENT, { f: f.forumId, c: f.draftForumId, s: f.slotIds[1] }, f.organizer))).toBe('NOT_FOUND');
    const before = await schedule();
    const freed = ok(await gql<{ markAbsent: { id: string }[] }>(api.app, MARK_ABSENT, { f: f.forumId, c: f.ids.kr2, s: f.slotIds[0] }, f.organizer)).markAbsent;
    const vn2kr2 = before.find((m) => pairOf(m) === [f.ids.vn2, f.ids.kr2].sort().join('|'))!;
    expect(freed.map((m) => m.id)).toEqual([vn2kr2.id]);
    // Gone from the schedule and from vn2's agenda; the other meeting stays where it was.
    expect(await schedule()).toEqual(before.filter((m) => m.id !== vn2kr2.id));
    const { agenda } = ok(await gql<{ agenda: { id: string }[] }>(api.app, 'query ($f: ID!) { agenda(forumId: $f) { id } }', { f: f.forumId }, f.vn2));
    expect(agenda).toEqual([]);
    // Marking again frees nothing more; both sides were told.
    expect(ok(await gql<{ markAbsent: unknown[] }>(api.app, MARK_ABSENT, { f: f.forumId, c: f.ids.kr2, s: f.slotIds[1] }, f.organizer)).markAbsent).toEqual([]);
    const told: { n: number }[] = await api.app.get(DataSource).query(
      `SELECT count(DISTINCT data->>'companyId')::int AS n FROM notification WHERE forum_id = $1 AND kind = 'AGENDA_CHANGED' AND data->'change'->>'change' = 'CANCELLED' AND data->'change'->>'meetingId' = $2`,
      [f.forumId, vn2kr2.id],
    );
    expect(told[0].n).toBe(2);
  });

  it('proposes meetings only between companies on the floor, and changes nothing until applied', async () => {
    // Nobody has checked in: nothing to propose; the freed place is not waiting for anyone on the floor.
    const empty = await propose(1);
    expect(empty.meetings).toEqual([]);
    expect(empty.unfilled).toEqual([]);
    for (const token of [f.vn1, f.vn2, f.kr1, f.kr2]) await checkIn(token);
    const before = await schedule();
    const proposal = await propose(1);
    expect(proposal.meetings).toHaveLength(1);
    const [meeting] = proposal.meetings;
    // vn2 asked kr1 (accepted), both free after slot 1; kr2 is absent, vn1 and kr1 meet already.
    expect(pairOf(meeting)).toBe([f.ids.vn2, f.ids.kr1].sort().join('|'));
    expect(meeting).toMatchObject({ reason: 'REQUEST_ACCEPTED', requestedBy: [f.ids.vn2] });
    expect([f.slotIds[2], f.slotIds[3]]).toContain(meeting.slot.id);
    expect(meeting.table.interpreter).toBe(true);
    expect(proposal.weight).toBe(meeting.weight);
    expect(proposal.bound).toBeGreaterThanOrEqual(proposal.weight);
    // vn2's freed place in slot 1 stays empty: kr1 is busy there.
    expect(proposal.unfilled).toEqual([{ slot: { id: f.slotIds[1] }, company: { id: f.ids.vn2 } }]);
    expect(await schedule()).toEqual(before);
    // From the last slot: vn2 and kr1 are both free there, so it is proposed there.
    expect((await propose(3)).meetings.map((m) => m.slot.id)).toEqual([f.slotIds[3]]);
    expect(codeOf(await gql(api.app, PROPOSE, { f: f.forumId, s: f.slotIds[1] }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, PROPOSE, { f: f.forumId, s: f.slotIds[1] }, f.kr1))).toBe('FORBIDDEN');
  });

  it('refuses a proposal when the floor changed, and never double-books under a concurrent move', async () => {
    const proposal = await propose(1);
    const [meeting] = proposal.meetings;
    expect(codeOf(await gql(api.app, APPLY, { p: proposal.id, m: ['00000000-0000-4000-8000-000000000000'] }, f.organizer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, APPLY, { p: proposal.id }, f.otherOrganizer))).toBe('NOT_FOUND');
    // kr1's meeting with vn1 is moved into the proposed slot: kr1 is no longer free there.
    ok(await gql(api.app, 'mutation ($id: ID!, $s: ID!) { moveMeeting(id: $id, slotId: $s) { id } }', { id: vn1kr1, s: meeting.slot.id }, f.organizer));
    const moved = await schedule();
    expect(codeOf(await gql(api.app, APPLY, { p: proposal.id }, f.organizer))).toBe('CONFLICT');
    expect(await schedule()).toEqual(moved);
    ok(await gql(api.app, 'mutation ($id: ID!, $s: ID!) { moveMeeting(id: $id, slotId: $s) { id } }', { id: vn1kr1, s: f.slotIds[1] }, f.organizer));

    // Applying while the organiser moves kr1's meeting into the same slot: one of the two wins, never both.
    const racing = await propose(1);
    const target = racing.meetings[0].slot.id;
    const [applied, move] = await Promise.all([
      gql(api.app, APPLY, { p: racing.id }, f.organizer),
      gql(api.app, 'mutation ($id: ID!, $s: ID!) { moveMeeting(id: $id, slotId: $s) { id } }', { id: vn1kr1, s: target }, f.organizer),
    ]);
    const result = (response: { errors?: unknown[] }) => (response.errors?.length ? codeOf(response as never) : 'OK');
    expect([result(applied), result(move)].sort()).toEqual(['CONFLICT', 'OK']);
    const [{ n }] = await api.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM (SELECT mp.company_id, mp.slot_id FROM meeting_participant mp JOIN schedule s ON s.id = mp.schedule_id AND s.status = 'PUBLISHED' WHERE s.forum_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) x`,
      [f.forumId],
    );
    expect(n).toBe(0);
    // Back to the layout above for the next test.
    if (result(move) === 'OK') ok(await gql(api.app, 'mutation ($id: ID!, $s: ID!) { moveMeeting(id: $id, slotId: $s) { id } }', { id: vn1kr1, s: f.slotIds[1] }, f.organizer));
    else ok(await gql(api.app, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: racing.meetings[0].id }, f.organizer));
  });

  it('applies a proposal to the published schedule: new meetings marked re-filled, every other meeting where it was', async () => {
    const before = await schedule();
    expect(before.some((m) => m.refilled)).toBe(false);
    const proposal = await propose(1);
    const applied = ok(await gql<{ applyRefill: { status: string } }>(api.app, APPLY, { p: proposal.id, m: [proposal.meetings[0].id] }, f.organizer)).applyRefill;
    expect(applied.status).toBe('PUBLISHED');
    const after = await schedule();
    expect(after.filter((m) => !m.refilled)).toEqual(before);
    expect(after.filter((m) => m.refilled).map((m) => ({ pair: pairOf(m), slot: m.slot.id, table: m.table.id }))).toEqual([
      { pair: pairOf(proposal.meetings[0]), slot: proposal.meetings[0].slot.id, table: proposal.meetings[0].table.id },
    ]);
    // On both companies' agendas, told as added; applied once only.
    for (const token of [f.vn2, f.kr1]) {
      const { agenda } = ok(await gql<{ agenda: { id: string }[] }>(api.app, 'query ($f: ID!) { agenda(forumId: $f) { id } }', { f: f.forumId }, token));
      expect(agenda.map((item) => item.id)).toContain(proposal.meetings[0].id);
    }
    expect(codeOf(await gql(api.app, APPLY, { p: proposal.id }, f.organizer))).toBe('CONFLICT');
    expect((await propose(1)).meetings).toEqual([]);
  });
});
