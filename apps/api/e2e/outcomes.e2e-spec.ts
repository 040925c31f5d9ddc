import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';
import { binary } from './support/http';

const RECORD = 'mutation ($m: ID!, $in: OutcomeInput!) { recordOutcome(meetingId: $m, input: $in) { id meetingId round interest status valueAmount currency note } }';
const MINE = 'query ($f: ID!) { myOutcomes(forumId: $f) { meetingId round interest status valueAmount currency note } }';
const REPORT =
  'query ($f: ID!) { forumOutcomes(forumId: $f) { planned held noShows unmarked refilled freed noShowsBySide { side count } totals { meetings reported strongInterest inDiscussion mou signed values { currency amount } } bySide { key meetings reported mou inDiscussion values { currency amount } } bySector { key meetings } rounds { round months totals { reported inDiscussion mou signed values { currency amount } } } } }';

interface Report {
  planned: number;
  held: number;
  noShows: number;
  unmarked: number;
  refilled: number;
  freed: number;
  noShowsBySide: { side: string; count: number }[];
  totals: { meetings: number; reported: number; strongInterest: number; inDiscussion: number; mou: number; signed: number; values: { currency: string; amount: number }[] };
  bySide: { key: string; meetings: number; reported: number; mou: number; inDiscussion: number; values: { currency: string; amount: number }[] }[];
  bySector: { key: string; meetings: number }[];
  rounds: { round: number; months: number; totals: { reported: number; inDiscussion: number; mou: number; signed: number; values: { currency: string; amount: number }[] } }[];
}

/**
 * After the meetings: each company records its own outcome (its note stays
 * its own), the organiser reads the report and its XLSX (statuses and values,
 * never notes), and follow-ups months later show how outcomes moved.
 */
describe('forum outcomes', () => {
  let api: TestApi;
  let f: ForumFixture;
  let vn1kr1: string;
  let others: { id: string; companies: { id: string }[] }[];

  const report = async () => ok(await gql<{ forumOutcomes: Report }>(api.app, REPORT, { f: f.forumId }, f.organizer)).forumOutcomes;
  const workbook = async (lang = 'en') => {
    const response = await request(api.app.getHttpServer()).get(`/forums/${f.forumId}/outcomes.xlsx?lang=${lang}`).set('authorization', `Bearer ${f.organizer}`).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    return book;
  };
  const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    const second = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 2 } }, f.vn2)).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: second.id }, f.kr2));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    const { schedule } = ok(await gql<{ schedule: { meetings: { id: string; companies: { id: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { id companies { id } } } }', { f: f.forumId }, f.organizer));
    vn1kr1 = schedule.meetings.find((m) => m.companies.some((c) => c.id === f.ids.vn1) && m.companies.some((c) => c.id === f.ids.kr1))!.id;
    others = schedule.meetings.filter((m) => m.id !== vn1kr1);
  });

  afterAll(() => api.close());

  it("records each company's own outcome; a note is seen by its company only", async () => {
    const mine = ok(await gql<{ recordOutcome: Record<string, unknown> }>(api.app, RECORD, { m: vn1kr1, in: { interest: 'STRONG', status: 'MOU', valueAmount: 50000, currency: 'USD', note: 'VN secret: price floor 40k' } }, f.vn1)).recordOutcome;
    expect(mine).toMatchObject({ meetingId: vn1kr1, round: 0, interest: 'STRONG', status: 'MOU', valueAmount: 50000, currency: 'USD', note: 'VN secret: price floor 40k' });
    ok(await gql(api.app, RECORD, { m: vn1kr1, in: { interest: 'SOME', status: 'IN_DISCUSSION', valueAmount: 65000000, currency: 'KRW', note: 'KR secret' } }, f.kr1));
    // Recording again updates the same row (the delegate of vn1 may record for its company).
    ok(await gql(api.app, RECORD, { m: vn1kr1, in: { interest: 'STRONG', status: 'MOU', valueAmount: 52000.5, currency: 'USD', note: 'VN secret: price floor 40k' } }, f.delegate));

    const vn = ok(await gql<{ myOutcomes: { note: string; valueAmount: number }[] }>(api.app, MINE, { f: f.forumId }, f.vn1)).myOutcomes;
    expect(vn).toEqual([expect.objectContaining({ meetingId: vn1kr1, note: 'VN secret: price floor 40k', valueAmount: 52000.5 })]);
    const kr = ok(await gql<{ myOutcomes: { note: string }[] }>(api.app, MINE, { f: f.forumId }, f.kr1)).myOutcomes;
    expect(kr.map((o) => o.note)).toEqual(['KR secret']);
    expect(ok(await gql<{ myOutcomes: unknown[] }>(api.app, MINE, { f: f.forumId }, f.vn2)).myOutcomes).toEqual([]);
  });

  it('refuses bad input and other companies, changing nothing', async () => {
    const before = await api.app.get(DataSource).query('SELECT * FROM meeting_outcome ORDER BY id');
    const input = { interest: 'NONE', status: 'NO_FOLLOW_UP' };
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: input }, f.vn2))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: input }, f.organizer))).toBe('FORBIDDEN');
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: { ...input, valueAmount: 10 } }, f.vn1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: { ...input, currency: 'USD' } }, f.vn1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: { ...input, valueAmount: -5, currency: 'USD' } }, f.vn1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: { ...input, note: 'x'.repeat(2001) } }, f.vn1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(api.app, RECORD, { m: vn1kr1, in: { ...input, status: 'SIGNED' } }, f.vn1))).toBe('BAD_USER_INPUT');
    expect(await api.app.get(DataSource).query('SELECT * FROM meeting_outcome ORDER BY id')).toEqual(before);
  });

  it("gives the organiser attendance and outcome totals that equal the XLSX's rows, without notes", async () => {
    ok(await gql(api.app, 'mutation ($id: ID!) { markAttendance(meetingId: $id, status: HELD) { id } }', { id: vn1kr1 }, f.vn1));
    if (others[0]) ok(await gql(api.app, 'mutation ($id: ID!, $a: ID!) { markAttendance(meetingId: $id, status: NO_SHOW, absentCompanyId: $a) { id } }', { id: others[0].id, a: others[0].companies.find((c) => c.id === f.ids.kr2 || c.id === f.ids.kr1)!.id }, f.organizer));
    const r = await report();
    const total = 1 + others.length;
    expect(r).toMatchObject({ planned: total, held: 1, noShows: others.length ? 1 : 0, unmarked: total - 1 - (others.length ? 1 : 0), refilled: 0, freed: 0 });
    expect(r.noShowsBySide).toEqual(others.length ? [{ side: 'KR', count: 1 }] : []);
    expect(r.totals).toMatchObject({ meetings: total, reported: 2, strongInterest: 1, inDiscussion: 1, mou: 1, signed: 0, values: [{ currency: 'KRW', amount: 65000000 }, { currency: 'USD', amount: 52000.5 }] });
    expect(r.bySide.find((s) => s.key === 'VN')).toMatchObject({ reported: 1, mou: 1, values: [{ currency: 'USD', amount: 52000.5 }] });
    expect(r.bySide.find((s) => s.key === 'KR')).toMatchObject({ reported: 1, inDiscussion: 1, values: [{ currency: 'KRW', amount: 65000000 }] });
    // The schema has no way to ask for notes in the report.
    expect(codeOf(await gql(api.app, 'query ($f: ID!) { forumOutcomes(forumId: $f) { totals { note } } }', { f: f.forumId }, f.organizer))).toBe('BAD_USER_INPUT');

    const book = await workbook();
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Consultations', 'Summary', 'By side', 'By sector', 'Over time']);
    const [header, ...rows] = values(book.worksheets[0]);
    expect(header.slice(0, 5)).toEqual(['No.', 'Date', 'Time', 'Table', 'Company 1']);
    expect(rows).toHaveLength(r.planned + r.refilled);
    const column = (name: string) => header.indexOf(name);
    const sum = (value: string, currency: string) =>
      rows.reduce((acc: number, row) => acc + (row[column(`Currency (${value})`)] === currency ? Number(row[column(`Expected value (${value})`)]) : 0), 0);
    for (const { currency, amount } of r.totals.values) expect(sum('1', currency) + sum('2', currency)).toBe(amount);
    expect(rows.filter((row) => row[column('Attendance')] === 'held')).toHaveLength(r.held);
    expect(rows.filter((row) => row[column('Attendance')] === 'no-show')).toHaveLength(r.noShows);
    // KR first: Seoul AI Labs is company 1 of its meeting with VinaTech, with its own report.
    const meeting = rows.find((row) => row[column('Company 1')] === 'Seoul AI Labs' && row[column('Company 2')] === 'VinaTech Software')!;
    expect([meeting[column('Status (1)')], meeting[column('Status (2)')], meeting[column('Attendance')]]).toEqual(['in discussion', 'MoU', 'held']);
    const everything = JSON.stringify(book.worksheets.map(values));
    expect(everything).not.toContain('secret');
    // Korean headers for a Korean funder.
    expect((await workbook('ko')).worksheets[0].name).toBe('상담일지');

    await request(api.app.getHttpServer()).get(`/forums/${f.forumId}/outcomes.xlsx`).set('authorization', `Bearer ${f.vn1}`).expect(403);
    await request(api.app.getHttpServer()).get(`/forums/${f.forumId}/outcomes.xlsx`).set('authorization', `Bearer ${f.otherOrganizer}`).expect(404);
    expect(codeOf(await gql(api.app, REPORT, { f: f.forumId }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, REPORT, { f: f.forumId }, f.vn1))).toBe('FORBIDDEN');
  });

  it('asks for a follow-up months later; the report shows how outcomes moved', async () => {
    expect(codeOf(await gql(api.app, 'mutation ($f: ID!) { requestOutcomeFollowUp(forumId: $f, months: 3) { round } }', { f: f.forumId }, f.vn1))).toBe('FORBIDDEN');
    expect(codeOf(await gql(api.app, 'mutation ($f: ID!) { requestOutcomeFollowUp(forumId: $f, months: 0) { round } }', { f: f.forumId }, f.organizer))).toBe('BAD_USER_INPUT');
    const round = ok(await gql<{ requestOutcomeFollowUp: { round: number; months: number } }>(api.app, 'mutation ($f: ID!) { requestOutcomeFollowUp(forumId: $f, months: 3) { round months } }', { f: f.forumId }, f.organizer)).requestOutcomeFollowUp;
    expect(round).toEqual({ round: 1, months: 3 });
    const ROUNDS = 'query ($f: ID!) { outcomeRounds(forumId: $f) { round months } }';
    expect(ok(await gql<{ outcomeRounds: unknown[] }>(api.app, ROUNDS, { f: f.forumId }, f.vn1)).outcomeRounds).toEqual([{ round: 1, months: 3 }]);
    expect(ok(await gql<{ outcomeRounds: unknown[] }>(api.app, ROUNDS, { f: f.forumId }, f.organizer)).outcomeRounds).toEqual([{ round: 1, months: 3 }]);
    expect(codeOf(await gql(api.app, ROUNDS, { f: f.forumId }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, ROUNDS, { f: f.draftForumId }, f.vn1))).toBe('NOT_FOUND');
    // A message to each person of each company with meetings, with its meeting count.
    const messages: { company: string; meetings: number }[] = await api.app.get(DataSource).query(
      `SELECT data->>'companyId' AS company, (data->>'meetings')::int AS meetings FROM notification WHERE forum_id = $1 AND kind = 'OUTCOME_FOLLOW_UP' AND user_id IN (SELECT id FROM user_account WHERE role = 'COMPANY')`,
      [f.forumId],
    );
    const withMeetings = [...new Set([f.ids.vn1, f.ids.kr1, ...others.flatMap((o) => o.companies.map((c) => c.id))])];
    expect(messages.map((m) => m.company).sort()).toEqual(withMeetings.sort());
    expect(messages.find((m) => m.company === f.ids.vn1)!.meetings).toBe(1 + others.filter((o) => o.companies.some((c) => c.id === f.ids.vn1)).length);

    // VinaTech signs; Seoul AI Labs has not updated yet (its day report still counts).
    const signed = ok(await gql<{ recordOutcome: { round: number } }>(api.app, RECORD, { m: vn1kr1, in: { interest: 'STRONG', status: 'CONTRACT_SIGNED', valueAmount: 48000, currency: 'USD' } }, f.vn1)).recordOutcome;
    expect(signed.round).toBe(1);
    expect(ok(await gql<{ myOutcomes: { round: number; status: string }[] }>(api.app, MINE, { f: f.forumId }, f.vn1)).myOutcomes).toMatchObject([{ round: 1, status: 'CONTRACT_SIGNED' }]);
    const r = await report();
    expect(r.rounds).toEqual([
      { round: 0, months: 0, totals: { reported: 2, inDiscussion: 1, mou: 1, signed: 0, values: [{ currency: 'KRW', amount: 65000000 }, { currency: 'USD', amount: 52000.5 }] } },
      { round: 1, months: 3, totals: { reported: 2, inDiscussion: 1, mou: 0, signed: 1, values: [{ currency: 'KRW', amount: 65000000 }, { currency: 'USD', amount: 48000 }] } },
    ]);
    expect(r.totals).toMatchObject({ signed: 1, mou: 0 });
  });
});

