import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import ical, { VEvent } from 'node-ical';
import request from 'supertest';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { REPO_ROOT } from './support/processes';
import { startTestApi, TestApi } from './support/test-api';
import { binary } from './support/http';

/** The text of a PDF, by pdf-parse (pdf.js) in a plain node process: it is an ES module jest's VM does not load. */
async function pdfParse(data: Buffer): Promise<{ text: string; numpages: number }> {
  const script = `
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const { PDFParse } = await import('pdf-parse');
      const parser = new PDFParse({ data: Buffer.concat(chunks) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(JSON.stringify({ text: result.text, numpages: result.total }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { input: data, cwd: REPO_ROOT }).toString());
}

type AgendaItem = { id: string; slot: { startsAt: string; endsAt: string; localStartsAt: string; label: string }; table: { label: string; interpreter: boolean }; counterpart: { id: string; name: string; country: string; delegates: { name: string; email: string | null }[] } };
const AGENDA = 'query ($forumId: ID!) { agenda(forumId: $forumId) { id slot { startsAt endsAt localStartsAt label } table { label interpreter } counterpart { id name country delegates { name email } } } }';

/** Agendas, calendar feeds, printable agendas and the schedule CSV of a published forum. */
describe('agendas and exports', () => {
  let api: TestApi;
  let f: ForumFixture;
  let server: ReturnType<TestApi['app']['getHttpServer']>;

  beforeAll(async () => {
    api = await startTestApi();
    server = api.app.getHttpServer();
    f = await createForumFixture(api.app);
    // vn1 → kr1 is pending; add vn1 → kr2 and vn2 → kr2, accepted.
    for (const [token, to] of [[f.vn1, f.ids.kr2], [f.vn2, f.ids.kr2]] as const) {
      const id = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: to, priority: 4 } }, token)).requestMeeting.id;
      ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id }, f.kr2));
    }
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
  });

  afterAll(() => api.close());

  const agendaOf = async (token: string) => ok(await gql<{ agenda: AgendaItem[] }>(api.app, AGENDA, { forumId: f.forumId }, token)).agenda;

  it("gives a company its meetings in time order, in the forum's time zone, without other companies' private data", async () => {
    const agenda = await agendaOf(f.vn1);
    expect(agenda.map((item) => item.counterpart.name).sort()).toEqual(['Busan Chips', 'Seoul AI Labs']);
    expect(agenda[0].slot.startsAt < agenda[1].slot.startsAt).toBe(true);
    expect(agenda[0].slot.localStartsAt).toMatch(/^2024-06-10T(09|10):(00|30):00\+07:00$/);
    expect(agenda[0].slot.label).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    expect(agenda.flatMap((item) => item.counterpart.delegates).every((delegate) => delegate.email === null)).toBe(true);
    // The delegate account reads the same agenda; the organiser has none of its own.
    expect(await agendaOf(f.delegate)).toEqual(agenda);
    expect(codeOf(await gql(api.app, AGENDA, { forumId: f.forumId }, f.organizer))).toBe('FORBIDDEN');
    expect(codeOf(await gql(api.app, AGENDA, { forumId: f.forumId }))).toBe('UNAUTHENTICATED');
  });

  it('serves the agenda as iCalendar whose events equal the agenda', async () => {
    const agenda = await agendaOf(f.vn1);
    const response = await request(server).get(`/forums/${f.forumId}/agenda.ics?lang=en`).set('authorization', `Bearer ${f.vn1}`).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/calendar/);
    const events = Object.values(ical.sync.parseICS(response.text)).filter((component) => component?.type === 'VEVENT') as VEvent[];
    expect(events).toHaveLength(agenda.length);
    for (const item of agenda) {
      const pair = [f.ids.vn1, item.counterpart.id].sort();
      const event = events.find((candidate) => candidate.uid === `${f.forumId}.${pair[0]}.${pair[1]}@forum-matchmaker`)!;
      expect(new Date(event.start).toISOString()).toBe(item.slot.startsAt);
      expect(new Date(event.end as Date).toISOString()).toBe(item.slot.endsAt);
      expect(event.location).toContain(`Table ${item.table.label}`);
      expect(event.summary).toBe(`Meeting with ${item.counterpart.name}`);
    }
  });

  it('gives each delegate a secret feed URL that works without a bearer token until revoked', async () => {
    const feed = ok(await gql<{ createCalendarFeed: { id: string; url: string } }>(api.app, 'mutation ($f: ID!) { createCalendarFeed(forumId: $f) { id url } }', { f: f.forumId }, f.delegate)).createCalendarFeed;
    const viaFeed = await request(server).get(`${feed.url}&lang=en`).expect(200);
    expect(viaFeed.text).toContain('Meeting with Seoul AI Labs');
    // Another user cannot revoke it.
    expect(codeOf(await gql(api.app, 'mutation ($id: ID!) { revokeCalendarFeed(id: $id) }', { id: feed.id }, f.vn2))).toBe('NOT_FOUND');
    ok(await gql(api.app, 'mutation ($id: ID!) { revokeCalendarFeed(id: $id) }', { id: feed.id }, f.delegate));
    const revoked = await request(server).get(feed.url).expect(401);
    expect(revoked.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/revoked/) });
    await request(server).get(`/forums/${f.forumId}/agenda.ics?token=guessed-token`).expect(401);
    await request(server).get(`/forums/${f.forumId}/agenda.ics`).expect(401);
  });

  it('prints the agenda as PDF with every counterpart and table, one page per company for the organiser', async () => {
    const agenda = await agendaOf(f.vn1);
    const own = await request(server).get(`/forums/${f.forumId}/agenda.pdf?lang=en`).set('authorization', `Bearer ${f.vn1}`).buffer(true).parse(binary).expect(200);
    const text = (await pdfParse(own.body as Buffer)).text;
    expect(text).toContain('Agenda of VinaTech Software');
    expect(text).toContain('Times in Asia/Ho_Chi_Minh');
    for (const item of agenda) {
      expect(text).toContain(item.counterpart.name);
      expect(text).toContain(item.table.label);
    }
    expect(text).not.toContain('Agenda of Hanoi Cloud');
    // The check-in desk's code, beside its QR code.
    const { myRegistration } = ok(await gql<{ myRegistration: { checkInCode: string } }>(api.app, 'query ($f: ID!) { myRegistration(forumId: $f) { checkInCode } }', { f: f.forumId }, f.vn1));
    expect(text).toContain(`Check-in ${myRegistration.checkInCode}`);
    const all = await request(server).get(`/forums/${f.forumId}/agenda.pdf`).set('authorization', `Bearer ${f.organizer}`).buffer(true).parse(binary).expect(200);
    const printed = await pdfParse(all.body as Buffer);
    expect(printed.numpages).toBe(4);
    expect(printed.text).toContain('Agenda of Hanoi Cloud');
    await request(server).get(`/forums/${f.forumId}/agenda.pdf`).set('authorization', `Bearer ${f.otherOrganizer}`).expect(404);
  });

  it('exports the whole schedule as CSV for the organiser, one row per meeting, and to nobody else', async () => {
    const response = await request(server).get(`/forums/${f.forumId}/schedule.csv`).set('authorization', `Bearer ${f.organizer}`).expect(200);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = response.text.slice(1).trim().split('\r\n').map(parseCsvLine);
    expect(header).toEqual(['Start', 'End', 'Table', 'Interpreter', 'Company A', 'Country A', 'Company B', 'Country B', 'Pinned', 'Meeting ID']);
    const { schedule } = ok(await gql<{ schedule: { meetings: { id: string }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { id } } }', { f: f.forumId }, f.organizer));
    expect(rows.map((row) => row[9]).sort()).toEqual(schedule.meetings.map((m) => m.id).sort());
    expect(rows.every((row) => row.length === header.length && row.every((cell) => cell !== ''))).toBe(true);
    await request(server).get(`/forums/${f.forumId}/schedule.csv`).set('authorization', `Bearer ${f.vn1}`).expect(403);
    await request(server).get(`/forums/${f.forumId}/schedule.csv`).set('authorization', `Bearer ${f.otherOrganizer}`).expect(404);
    await request(server).get(`/forums/${f.forumId}/schedule.csv`).expect(401);
  });

  it("lists every meeting request for the organiser's follow-up, in the reader's language, with whether the pair meets", async () => {
    const response = await request(server).get(`/forums/${f.forumId}/requests.csv?lang=ko`).set('authorization', `Bearer ${f.organizer}`).expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="requests.csv"');
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = response.text.slice(1).trim().split('\r\n').map(parseCsvLine);
    expect(header).toEqual(['신청 기업', '신청 기업 국가', '상대 기업', '상대 기업 국가', '우선순위', '상태', '상담 배정', '신청 일시', '답변 일시', '메시지']);
    const { schedule } = ok(await gql<{ schedule: { meetings: { companies: { name: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { companies { name } } } }', { f: f.forumId }, f.organizer));
    const meets = new Set(schedule.meetings.map((meeting) => meeting.companies.map((company) => company.name).sort().join('|')));
    expect(rows.map((row) => [row[0], row[2], row[5], row[6]])).toEqual([
      ['VinaTech Software', 'Seoul AI Labs', '대기', meets.has('Seoul AI Labs|VinaTech Software') ? '예' : '아니요'],
      ['VinaTech Software', 'Busan Chips', '수락', meets.has('Busan Chips|VinaTech Software') ? '예' : '아니요'],
      ['Hanoi Cloud', 'Busan Chips', '수락', meets.has('Busan Chips|Hanoi Cloud') ? '예' : '아니요'],
    ]);
    // Sent on the forum's clock (Asia/Ho_Chi_Minh), answered only when answered.
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(row[7]))).toBe(true);
    expect(rows.map((row) => row[8] !== '')).toEqual([false, true, true]);
    await request(server).get(`/forums/${f.forumId}/requests.csv`).set('authorization', `Bearer ${f.vn1}`).expect(403);
    await request(server).get(`/forums/${f.forumId}/requests.csv`).set('authorization', `Bearer ${f.otherOrganizer}`).expect(404);
  });

  it('gives the requests as a workbook: every request, and each company with its requests both ways, the ones with nothing accepted first', async () => {
    const response = await request(server).get(`/forums/${f.forumId}/requests.xlsx?lang=en`).set('authorization', `Bearer ${f.organizer}`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="requests.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Requests', 'By company']);
    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    const [header, ...requests] = values(workbook.worksheets[0]);
    expect(header).toEqual(['From', 'From (country)', 'To', 'To (country)', 'Priority', 'Status', 'Meets', 'Sent', 'Answered', 'Message']);
    expect(requests.map((row) => [row[0], row[2], row[5]])).toEqual([
      ['VinaTech Software', 'Seoul AI Labs', 'waiting'],
      ['VinaTech Software', 'Busan Chips', 'accepted'],
      ['Hanoi Cloud', 'Busan Chips', 'accepted'],
    ]);
    const { schedule } = ok(await gql<{ schedule: { meetings: { companies: { name: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { companies { name } } } }', { f: f.forumId }, f.organizer));
    const meets = (a: string, b: string) => (schedule.meetings.some((m) => m.companies.map((c) => c.name).sort().join('|') === [a, b].sort().join('|')) ? 1 : 0);
    const [companyHeader, ...companies] = values(workbook.worksheets[1]);
    expect(companyHeader).toEqual(['Company', 'Country', 'Side', 'Registration', 'Sent', 'Received', 'Accepted', 'Declined', 'Waiting', 'Accepted of answered', 'Requested pairs meeting']);
    // Seoul AI Labs has only a waiting request: nothing answered, nothing accepted — first on the list to chase.
    expect(companies).toEqual([
      ['Seoul AI Labs', 'KR', 'KR', 'approved', 0, 1, 0, 0, 1, undefined, 0],
      ['Hanoi Cloud', 'VN', 'VN', 'approved', 1, 0, 1, 0, 0, 1, meets('Hanoi Cloud', 'Busan Chips')],
      ['VinaTech Software', 'VN', 'VN', 'approved', 2, 0, 1, 0, 1, 1, meets('VinaTech Software', 'Busan Chips')],
      ['Busan Chips', 'KR', 'KR', 'approved', 0, 2, 2, 0, 0, 1, meets('Hanoi Cloud', 'Busan Chips') + meets('VinaTech Software', 'Busan Chips')],
    ]);
    await request(server).get(`/forums/${f.forumId}/requests.xlsx`).set('authorization', `Bearer ${f.vn1}`).expect(403);
    await request(server).get(`/forums/${f.forumId}/requests.xlsx`).set('authorization', `Bearer ${f.otherOrganizer}`).expect(404);
  });

  it('reports forum statistics to the organiser', async () => {
    const stats = ok(
      await gql<{ forumStats: Record<string, unknown> }>(
        api.app,
        'query ($f: ID!) { forumStats(forumId: $f) { registrationsBySide { side count } requests requestsAccepted requestsPending acceptanceRate meetings meetingsPerCompanyMin meetingsPerCompanyMedian meetingsPerCompanyMax requestsFulfilled holes meetingPlaces interpreterPlaces requestedPairs requestedPairsNeedingInterpreter registrationsByDay { date side count } } }',
        { f: f.forumId },
        f.organizer,
      ),
    ).forumStats;
    expect(stats).toMatchObject({
      registrationsBySide: [{ side: 'KR', count: 2 }, { side: 'VN', count: 2 }],
      requests: 3,
      requestsAccepted: 2,
      requestsPending: 1,
      acceptanceRate: 1,
      meetings: 3,
      meetingsPerCompanyMin: 1,
      meetingsPerCompanyMax: 2,
      requestsFulfilled: 1,
      // 4 slots (09:00–11:00, 30 minutes) × 4 tables, 2 of them with an interpreter.
      meetingPlaces: 16,
      interpreterPlaces: 8,
      // vn1–kr1 share English; vn1–kr2 and vn2–kr2 share no language.
      requestedPairs: 3,
      requestedPairsNeedingInterpreter: 2,
    });
    const days = stats.registrationsByDay as { date: string; side: string; count: number }[];
    expect(days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day.date))).toBe(true);
    expect(Object.fromEntries(['KR', 'VN'].map((side) => [side, days.filter((day) => day.side === side).reduce((sum, day) => sum + day.count, 0)]))).toEqual({ KR: 2, VN: 2 });
    expect(codeOf(await gql(api.app, 'query ($f: ID!) { forumStats(forumId: $f) { requests } }', { f: f.forumId }, f.vn1))).toBe('FORBIDDEN');
  });
});

/** RFC 4180 fields of one line (quotes and doubled quotes). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}
