import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AuthService } from '../src/auth/auth.service';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { REPO_ROOT } from './support/processes';
import { startTestApi, TestApi } from './support/test-api';
import { binary } from './support/http';

const FORUM = { name: '한-베 ICT 투자 포럼 · Diễn đàn Đầu tư CNTT Hàn–Việt', venue: 'Trung tâm Hội nghị Quốc tế Đà Nẵng' };
const COMPANIES = {
  kr1: { name: '삼성에스디에스', country: 'KR', languages: ['ko'], delegate: '김민준', title: '전무이사' },
  kr2: { name: '한빛소프트 주식회사', country: 'KR', languages: ['ko', 'en'], delegate: '이서연', title: '해외사업팀장' },
  vn1: { name: 'Công ty Cổ phần Phần mềm Đà Nẵng', country: 'VN', languages: ['vi'], delegate: 'Nguyễn Thị Hương', title: 'Giám đốc điều hành' },
  vn2: { name: 'Tập đoàn Công nghiệp – Viễn thông Quân đội', country: 'VN', languages: ['vi', 'en'], delegate: 'Trần Quốc Bảo', title: 'Trưởng phòng Hợp tác' },
};
type Key = keyof typeof COMPANIES;

type AgendaItem = { id: string; slot: { id: string; startsAt: string; endsAt: string }; table: { label: string }; counterpart: { id: string; name: string } };
const AGENDA = 'query ($f: ID!) { agenda(forumId: $f) { id slot { id startsAt endsAt } table { label } counterpart { id name } } }';

/** Runs `node -e script` with the given TZ and returns its JSON output: how a calendar on that machine reads the feed. */
function icsInZone(ics: string, timeZone: string): { uid: string; start: string; end: string; sequence: string; summary: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'ics-'));
  const file = join(dir, 'agenda.ics');
  writeFileSync(file, ics);
  const script = `
    const ical = require('node-ical');
    const events = Object.values(ical.sync.parseFile(process.argv[1])).filter((c) => c && c.type === 'VEVENT');
    console.log(JSON.stringify(events.map((e) => ({ uid: e.uid, start: new Date(e.start).toISOString(), end: new Date(e.end).toISOString(), sequence: String(e.sequence), summary: e.summary,
      localHour: new Date(e.start).getHours() }))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: REPO_ROOT, env: { ...process.env, TZ: timeZone } }).toString());
}

/** pdftotext / pdffonts (poppler-utils) over a PDF in a temporary file. */
function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(dir, 'agenda.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : [file]).toString();
}

/** Calendars, PDFs and spreadsheets of a forum whose companies and delegates have Korean and Vietnamese names. */
describe('take-away files in Korean, Vietnamese and English', () => {
  let api: TestApi;
  let server: ReturnType<TestApi['app']['getHttpServer']>;
  let organizer: string;
  let forumId: string;
  const tokens = {} as Record<Key, string>;
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    api = await startTestApi();
    server = api.app.getHttpServer();
    const auth = api.app.get(AuthService);
    await auth.createOrganizer('kotra@example.com', 'organizer-password', 'KOTRA');
    organizer = (await auth.login('kotra@example.com', 'organizer-password')).accessToken;
    const forum = ok(
      await gql<{ createForum: { id: string; timeZone: string } }>(
        api.app,
        'mutation ($in: CreateForumInput!) { createForum(input: $in) { id timeZone } }',
        {
          in: {
            ...FORUM,
            timeZone: 'asia/ho_chi_minh',
            sides: ['KR', 'VN'],
            slotMinutes: 30,
            breakMinutes: 0,
            maxMeetingsPerCompany: 4,
            sessions: [{ startsAt: '2024-06-10T09:00:00+07:00', endsAt: '2024-06-10T12:00:00+07:00' }],
            tableCount: 4,
            interpreterTableCount: 2,
          },
        },
        organizer,
      ),
    ).createForum;
    forumId = forum.id;
    expect(forum.timeZone).toBe('Asia/Ho_Chi_Minh');
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: OPEN) { id } }', { id: forumId }, organizer));
    for (const [key, company] of Object.entries(COMPANIES) as [Key, (typeof COMPANIES)[Key]][]) {
      const session = await auth.signUp({
        email: `${key}@example.com`,
        password: 'company-password',
        name: company.delegate,
        company: { name: company.name, country: company.country, sectors: ['ICT'], offers: ['software'], seeks: ['partners'], languages: company.languages },
      });
      tokens[key] = session.accessToken;
      ids[key] = session.user.companyId!;
      ok(
        await gql(
          api.app,
          'mutation ($f: ID!, $in: RegistrationInput!) { registerForForum(forumId: $f, input: $in) { id } }',
          { f: forumId, in: { side: company.country, unavailableSlotIds: [], delegates: [{ name: company.delegate, title: company.title, email: `d.${key}@example.com` }] } },
          tokens[key],
        ),
      );
    }
    // Every Korean company meets every Vietnamese one.
    for (const vn of ['vn1', 'vn2'] as const) {
      for (const kr of ['kr1', 'kr2'] as const) {
        const id = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId, toCompanyId: ids[kr], priority: 5 } }, tokens[vn])).requestMeeting.id;
        ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id }, tokens[kr]));
      }
    }
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: forumId }, organizer));
    await scheduleAndPublish(api.app, forumId, organizer);
  });

  afterAll(() => api.close());

  const agendaOf = async (key: Key) => ok(await gql<{ agenda: AgendaItem[] }>(api.app, AGENDA, { f: forumId }, tokens[key])).agenda;
  const ics = async (key: Key, query = '') => (await request(server).get(`/forums/${forumId}/agenda.ics${query}`).set('authorization', `Bearer ${tokens[key]}`).expect(200)).text;

  it('writes calendar times that calendars in Seoul, Hanoi and New York all read as the same instants', async () => {
    const agenda = await agendaOf('vn1');
    expect(agenda).toHaveLength(2);
    const text = await ics('vn1');
    // 09:00–12:00 in Da Nang is 02:00–05:00 UTC.
    expect(text.match(/^DTSTART:20240610T0[2-4][03]000Z\r$/gm)).toHaveLength(2);
    expect(text.match(/^DTSTAMP:\d{8}T\d{6}Z\r$/gm)).toHaveLength(2);
    expect(text).not.toMatch(/X-WR-TIMEZONE|TZID/);
    for (const zone of ['Asia/Seoul', 'Asia/Ho_Chi_Minh', 'America/New_York']) {
      const events = icsInZone(text, zone);
      expect(events.map((event) => [event.start, event.end]).sort()).toEqual(agenda.map((item) => [item.slot.startsAt, item.slot.endsAt]).sort());
    }
  });

  it("speaks the reader's language: ?lang, else the user's choice, else the company's languages", async () => {
    const [first] = await agendaOf('vn1');
    const summaries = async (key: Key, query = '') => icsInZone(await ics(key, query), 'UTC').map((event) => event.summary).sort();
    expect(await summaries('vn1')).toContain(`Gặp ${first.counterpart.name}`);
    expect(await summaries('vn1', '?lang=en')).toContain(`Meeting with ${first.counterpart.name}`);
    expect(await summaries('kr1')).toEqual(expect.arrayContaining([`${COMPANIES.vn1.name} 상담`]));
    ok(await gql(api.app, 'mutation { setPreferredLanguage(language: en) { language } }', {}, tokens.kr1));
    expect(await summaries('kr1')).toEqual(expect.arrayContaining([`Meeting with ${COMPANIES.vn1.name}`]));
    ok(await gql(api.app, 'mutation { setPreferredLanguage(language: null) { language } }', {}, tokens.kr1));
    const wrong = await request(server).get(`/forums/${forumId}/agenda.ics?lang=fr`).set('authorization', `Bearer ${tokens.vn1}`).expect(400);
    expect(wrong.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/lang/) });
  });

  it('keeps a moved meeting as the same calendar event with a higher SEQUENCE', async () => {
    const before = icsInZone(await ics('vn2'), 'Asia/Seoul');
    const agenda = await agendaOf('vn2');
    const taken = new Set([...agenda, ...(await agendaOf('vn1')), ...(await agendaOf('kr1')), ...(await agendaOf('kr2'))].map((item) => item.slot.id));
    const { forum } = ok(await gql<{ forum: { slots: { id: string; startsAt: string }[] } }>(api.app, 'query ($id: ID!) { forum(id: $id) { slots { id startsAt } } }', { id: forumId }, organizer));
    const free = forum.slots.find((slot) => !taken.has(slot.id))!;
    ok(await gql(api.app, 'mutation ($id: ID!, $slot: ID!) { moveMeeting(id: $id, slotId: $slot) { id } }', { id: agenda[0].id, slot: free.id }, organizer));
    const after = icsInZone(await ics('vn2'), 'Asia/Seoul');
    expect(after.map((event) => event.uid).sort()).toEqual(before.map((event) => event.uid).sort());
    const moved = after.find((event) => event.start === free.startsAt)!;
    const was = before.find((event) => event.uid === moved.uid)!;
    expect(Number(moved.sequence)).toBe(Number(was.sequence) + 1);
    const unmoved = after.find((event) => event.uid !== moved.uid)!;
    expect(unmoved.sequence).toBe(before.find((event) => event.uid === unmoved.uid)!.sequence);
  });

  it('prints Hangul and Vietnamese exactly, in an embedded font', async () => {
    const pdf = (await request(server).get(`/forums/${forumId}/agenda.pdf`).set('authorization', `Bearer ${tokens.kr1}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    expect(text).toContain(`${COMPANIES.kr1.name} (KR) 상담 일정`);
    for (const part of [...FORUM.name.split(' · '), FORUM.venue, COMPANIES.vn1.name, COMPANIES.vn2.name, COMPANIES.vn1.delegate, COMPANIES.vn2.delegate, COMPANIES.vn1.title, '시간대: Asia/Ho_Chi_Minh']) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/1 ?\/ ?1 ?쪽/);
    // EXPORT_SAMPLES_DIR=docs/screenshots keeps the PDFs the README's pictures are rendered from (pdftoppm).
    if (process.env.EXPORT_SAMPLES_DIR) writeFileSync(join(process.env.EXPORT_SAMPLES_DIR, 'agenda-ko.pdf'), pdf);
    const fonts = poppler('pdffonts', pdf);
    expect(fonts).toMatch(/NotoSansKR-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).not.toMatch(/Helvetica/);
    expect(pdf.length).toBeLessThan(300_000);

    const vietnamese = (await request(server).get(`/forums/${forumId}/agenda.pdf`).set('authorization', `Bearer ${tokens.vn1}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    if (process.env.EXPORT_SAMPLES_DIR) writeFileSync(join(process.env.EXPORT_SAMPLES_DIR, 'agenda-vi.pdf'), vietnamese);
    const vtext = poppler('pdftotext', vietnamese).replace(/\s+/g, ' ');
    expect(vtext).toContain(`Lịch gặp của ${COMPANIES.vn1.name} (VN)`);
    for (const part of [COMPANIES.kr1.name, COMPANIES.kr2.name, COMPANIES.kr1.delegate, COMPANIES.kr2.title, 'Trang 1/1']) expect(vtext).toContain(part);

    const all = (await request(server).get(`/forums/${forumId}/agenda.pdf?lang=en`).set('authorization', `Bearer ${organizer}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const atext = poppler('pdftotext', all).replace(/\s+/g, ' ');
    for (const company of Object.values(COMPANIES)) expect(atext).toContain(`Agenda of ${company.name} (${company.country})`);
    expect(atext).toContain('Page 4 of 4');
  });

  it('exports the schedule as CSV with a byte order mark and as an XLSX workbook that match the schedule', async () => {
    const { schedule } = ok(
      await gql<{ schedule: { meetings: { id: string; table: { label: string; interpreter: boolean }; companies: { id: string; name: string }[] }[] } }>(
        api.app,
        'query ($f: ID!) { schedule(forumId: $f) { meetings { id table { label interpreter } companies { id name } } } }',
        { f: forumId },
        organizer,
      ),
    );
    // Company A is the one with the smaller id.
    const meetings = schedule.meetings.map((m) => {
      const [companyA, companyB] = [...m.companies].sort((x, y) => (x.id < y.id ? -1 : 1));
      return { ...m, companyA, companyB };
    });
    expect(meetings).toHaveLength(4);
    const csv = await request(server).get(`/forums/${forumId}/schedule.csv?lang=ko`).set('authorization', `Bearer ${organizer}`).buffer(true).parse(binary).expect(200);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('시작,종료,테이블,통역,기업 A,국가 A,기업 B,국가 B,고정,상담 ID');
    for (const meeting of meetings) {
      expect(lines.find((line) => line.endsWith(meeting.id))).toContain(`${meeting.companyA.name},`);
    }

    const xlsx = await request(server).get(`/forums/${forumId}/schedule.xlsx?lang=vi`).set('authorization', `Bearer ${organizer}`).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['2024-06-10', 'Sơ đồ bàn', 'Theo doanh nghiệp', 'Theo bàn', 'Phiên dịch']);
    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(2).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    const day = values(workbook.worksheets[0]);
    expect(day.map((row) => row[9]).sort()).toEqual(meetings.map((m) => m.id).sort());
    for (const row of day) {
      const meeting = meetings.find((m) => m.id === row[9])!;
      expect([row[2], row[4], row[6]]).toEqual([meeting.table.label, meeting.companyA.name, meeting.companyB.name]);
    }
    const grid = values(workbook.worksheets[1]).flatMap((row) => row.slice(1)).filter(Boolean);
    expect(grid.sort()).toEqual(meetings.map((m) => `${m.companyA.name} – ${m.companyB.name}`).sort());
    expect(values(workbook.worksheets[2])).toHaveLength(8);
    // By table: every meeting once, table by table; the interpreters' sheet: those at interpreter tables, with what each side speaks.
    const byTable = values(workbook.worksheets[3]);
    expect(byTable.map((row) => `${row[3]} – ${row[5]}`).sort()).toEqual(meetings.map((m) => `${m.companyA.name} – ${m.companyB.name}`).sort());
    const labels = byTable.map((row) => String(row[0]));
    expect(labels).toEqual([...labels].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })));
    const interpreted = values(workbook.worksheets[4]);
    expect(interpreted.map((row) => `${row[3]} – ${row[5]}`).sort()).toEqual(meetings.filter((m) => m.table.interpreter).map((m) => `${m.companyA.name} – ${m.companyB.name}`).sort());
    expect(interpreted.length).toBeGreaterThan(0);
    const spoken = Object.fromEntries(Object.values(COMPANIES).map((company) => [company.name, company.languages.join(', ')]));
    for (const row of interpreted) expect([row[4], row[6]]).toEqual([spoken[String(row[3])], spoken[String(row[5])]]);
    await request(server).get(`/forums/${forumId}/schedule.xlsx`).set('authorization', `Bearer ${tokens.vn1}`).expect(403);
  });

  it('refuses dates that do not exist, times without an offset and unknown zones, and changes nothing', async () => {
    const base = {
      name: 'Bad dates',
      timeZone: 'Asia/Seoul',
      sides: [],
      slotMinutes: 30,
      maxMeetingsPerCompany: 4,
      tableCount: 2,
    };
    const create = (input: Record<string, unknown>) => gql(api.app, 'mutation ($in: CreateForumInput!) { createForum(input: $in) { id } }', { in: { ...base, ...input } }, organizer);
    const before = ok(await gql<{ forums: unknown[] }>(api.app, '{ forums { id } }', {}, organizer)).forums.length;
    const rolled = await create({ sessions: [{ startsAt: '2024-02-30T09:00:00+09:00', endsAt: '2024-02-30T12:00:00+09:00' }] });
    expect(codeOf(rolled)).toBe('BAD_USER_INPUT');
    expect(rolled.errors![0].message).toMatch(/2024-02 has no day 30/);
    const floating = await create({ sessions: [{ startsAt: '2024-06-10T09:00:00', endsAt: '2024-06-10T12:00:00' }] });
    expect(codeOf(floating)).toBe('BAD_USER_INPUT');
    expect(floating.errors![0].message).toMatch(/offset/);
    const zone = await create({ timeZone: '+09:00', sessions: [{ startsAt: '2024-06-10T09:00:00+09:00', endsAt: '2024-06-10T12:00:00+09:00' }] });
    expect(codeOf(zone)).toBe('BAD_USER_INPUT');
    expect(ok(await gql<{ forums: unknown[] }>(api.app, '{ forums { id } }', {}, organizer)).forums.length).toBe(before);
    const seoul = ok(await gql<{ createForum: { timeZone: string } }>(api.app, 'mutation ($in: CreateForumInput!) { createForum(input: $in) { timeZone } }', { in: { ...base, timeZone: 'asia/seoul', sessions: [{ startsAt: '2024-06-10T09:00:00+09:00', endsAt: '2024-06-10T12:00:00+09:00' }] } }, organizer));
    expect(seoul.createForum.timeZone).toBe('Asia/Seoul');
  });
});
