import ical, { VEvent } from 'node-ical';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok, scheduleAndPublish } from './support/graphql';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from './support/smtp';
import { startTestApi, TestApi } from './support/test-api';

const OUTBOX = 'query ($f: ID!, $s: NotificationStatus) { outbox(forumId: $f, status: $s) { id kind email language status attempts lastError subject channel } }';

/** A header as it travelled (unfolded), or ''. */
const header = (mail: ReceivedMail, name: string) => mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ').match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1].trim() ?? '';
const to = (smtp: TestSmtp, address: string) => smtp.received.filter((mail) => mail.to === address);

/** Waits until `check` holds (the sender works every half second). */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Notifications on real PostgreSQL and a real SMTP server in this process:
 * each event's message, in the recipient's language, through the outbox and
 * the single-process sender (no Redis).
 */
describe('notifications', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let f: ForumFixture;
  let db: DataSource;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Forum Hanoi <forum@example.com>', PUBLIC_URL: 'https://forum.example.com', NOTIFY_BATCH_MS: '1500', NOTIFY_RETRY_MS: '200' } });
    db = api.app.get(DataSource);
    f = await createForumFixture(api.app);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it("tells a company of a request in its language, the sender of the answer in its own, and the recipient of a withdrawal; delegates hear none of it", async () => {
    // The fixture's request vn1 → kr1: Seoul AI Labs speaks Korean.
    await eventually(() => to(smtp, 'kr1@example.com').length === 1);
    const received = to(smtp, 'kr1@example.com')[0];
    expect(received.parsed.subject).toBe('VinaTech Software에서 Korea–Vietnam ICT Forum Hanoi 상담을 신청했습니다');
    expect(received.parsed.text).toContain('kr1 님, 안녕하세요.');
    expect(received.parsed.text).toContain(`https://forum.example.com/forums/${f.forumId}/requests`);
    expect(received.parsed.html).toContain('<html lang="ko">');
    expect(header(received, 'from')).toBe('Forum Hanoi <forum@example.com>');
    expect(header(received, 'message-id')).toMatch(/^<[0-9a-f-]{36}@forum-matchmaker>$/);

    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    // VinaTech speaks Vietnamese (and English): the answer comes in Vietnamese.
    await eventually(() => to(smtp, 'vn1@example.com').length === 1);
    expect(to(smtp, 'vn1@example.com')[0].parsed.subject).toBe('Seoul AI Labs đã chấp nhận yêu cầu gặp của bạn');

    const asked = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 2, message: 'Chips for our boards?' } }, f.vn2)).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: false) { id } }', { id: asked.id }, f.kr2));
    const withdrawn = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 1 } }, f.vn1)).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { withdrawMeetingRequest(id: $id) { id } }', { id: withdrawn.id }, f.vn1));
    await eventually(() => to(smtp, 'kr2@example.com').length === 3 && to(smtp, 'vn2@example.com').length === 1);
    expect(to(smtp, 'kr2@example.com').map((mail) => mail.parsed.subject).sort()).toEqual(
      ['Hanoi Cloud에서 Korea–Vietnam ICT Forum Hanoi 상담을 신청했습니다', 'VinaTech Software에서 Korea–Vietnam ICT Forum Hanoi 상담을 신청했습니다', 'VinaTech Software에서 상담 신청을 철회했습니다'].sort(),
    );
    expect(to(smtp, 'kr2@example.com').find((mail) => mail.parsed.subject?.startsWith('Hanoi Cloud'))!.parsed.text).toContain('“Chips for our boards?”');
    expect(to(smtp, 'vn2@example.com')[0].parsed.subject).toBe('Busan Chips đã từ chối yêu cầu gặp của bạn');
    expect(to(smtp, 'delegate@vinatech.vn')).toHaveLength(0);
  });

  it('sends one message per person when the schedule is published, with the agenda as a calendar file; changes within a few minutes go as one message', async () => {
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    const before = smtp.received.length;
    await scheduleAndPublish(api.app, f.forumId, f.organizer);
    // Four companies' representatives and VinaTech's delegate: five messages, not one per meeting.
    await eventually(() => smtp.received.length === before + 5);
    const published = smtp.received.slice(before);
    expect(published.map((mail) => mail.to).sort()).toEqual(['delegate@vinatech.vn', 'kr1@example.com', 'kr2@example.com', 'vn1@example.com', 'vn2@example.com']);
    const { schedule } = ok(await gql<{ schedule: { meetings: { id: string; companies: { id: string; name: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { id companies { id name } } } }', { f: f.forumId }, f.organizer));
    const vn1Meetings = schedule.meetings.filter((meeting) => meeting.companies.some((company) => company.id === f.ids.vn1));
    expect(vn1Meetings.length).toBeGreaterThan(0);
    const mail = published.find((m) => m.to === 'vn1@example.com')!;
    expect(mail.parsed.subject).toBe(`Lịch gặp của bạn tại Korea–Vietnam ICT Forum Hanoi: ${vn1Meetings.length} cuộc gặp`);
    const calendar = mail.parsed.attachments.find((attachment) => attachment.filename === 'agenda.ics')!;
    const events = Object.values(ical.sync.parseICS(calendar.content.toString('utf8'))).filter((item): item is VEvent => item?.type === 'VEVENT');
    expect(events).toHaveLength(vn1Meetings.length);
    expect(events.every((event) => String(event.uid).startsWith(`${f.forumId}.`))).toBe(true);

    // Two changes to VinaTech's agenda in a row: one message to each of its people, listing both.
    const agendaBefore = smtp.received.length;
    const meeting = vn1Meetings[0];
    const { forum } = ok(await gql<{ forum: { slots: { id: string }[]; tables: { id: string; label: string }[] } }>(api.app, 'query ($f: ID!) { forum(id: $f) { slots { id } tables { id label } } }', { f: f.forumId }, f.organizer));
    const free = await db.query(
      `SELECT sl.id AS slot, t.id AS "table" FROM slot sl CROSS JOIN forum_table t
        WHERE sl.forum_id = $1 AND t.forum_id = $1 AND t.interpreter
          AND NOT EXISTS (SELECT 1 FROM meeting m JOIN schedule s ON s.id = m.schedule_id AND s.status = 'PUBLISHED' WHERE m.slot_id = sl.id AND m.table_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM meeting m JOIN schedule s ON s.id = m.schedule_id AND s.status = 'PUBLISHED' JOIN meeting m2 ON m2.schedule_id = s.id AND m2.slot_id = sl.id
                          WHERE m.id = $2 AND m2.id <> m.id AND (m2.company_a_id IN (m.company_a_id, m.company_b_id) OR m2.company_b_id IN (m.company_a_id, m.company_b_id)))
        ORDER BY sl.starts_at, t.number LIMIT 1`,
      [f.forumId, meeting.id],
    );
    expect(free).toHaveLength(1);
    expect(forum.slots.length).toBeGreaterThan(0);
    ok(await gql(api.app, 'mutation ($id: ID!, $s: ID!, $t: ID) { moveMeeting(id: $id, slotId: $s, tableId: $t) { id } }', { id: meeting.id, s: free[0].slot, t: free[0].table }, f.organizer));
    ok(await gql(api.app, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: meeting.id }, f.organizer));
    // Nothing before the batch window ends.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(smtp.received.length).toBe(agendaBefore);
    const counterpart = meeting.companies.find((company) => company.id !== f.ids.vn1)!;
    const people = counterpart.id === f.ids.kr1 ? ['kr1@example.com'] : counterpart.id === f.ids.kr2 ? ['kr2@example.com'] : [];
    await eventually(() => smtp.received.length === agendaBefore + 2 + people.length);
    const changed = smtp.received.slice(agendaBefore);
    expect(changed.map((m) => m.to).sort()).toEqual(['delegate@vinatech.vn', 'vn1@example.com', ...people].sort());
    const vn1Change = changed.find((m) => m.to === 'vn1@example.com')!;
    expect(vn1Change.parsed.subject).toBe('Lịch gặp của bạn tại Korea–Vietnam ICT Forum Hanoi đã thay đổi');
    expect(vn1Change.parsed.text).toMatch(new RegExp(`- ${counterpart.name}: chuyển từ .+ sang .+\\n- ${counterpart.name}: cuộc gặp lúc .+ bị hủy`));
    // The calendar file cancels the pair's event.
    const changeEvents = Object.values(ical.sync.parseICS(vn1Change.parsed.attachments[0].content.toString('utf8'))).filter((item): item is VEvent => item?.type === 'VEVENT');
    expect(changeEvents.map((event) => event.status)).toEqual(['CANCELLED']);
    // In the outbox: the second change was sent inside the first's message.
    // (The SMTP server has the message a moment before the sender marks the rows.)
    const statuses = async () =>
      ok(await gql<{ outbox: { kind: string; email: string; status: string }[] }>(api.app, OUTBOX, { f: f.forumId }, f.organizer))
        .outbox.filter((row) => row.kind === 'AGENDA_CHANGED' && row.email === 'vn1@example.com')
        .map((row) => row.status)
        .sort()
        .join(',');
    await eventually(async () => (await statuses()) === 'MERGED,SENT');
  });

  it('reminds each person the day before, once, with the day\'s meetings, the calendar file and the agenda link', async () => {
    // The pair whose meeting was cancelled above meets again, at the forum's first slot.
    ok(await gql(api.app, 'mutation ($in: CreateMeetingInput!) { createMeeting(input: $in) { id } }', { in: { forumId: f.forumId, companyIds: [f.ids.vn1, f.ids.kr1], slotId: f.slotIds[0] } }, f.organizer));
    // The forum day moves to tomorrow: it starts in 20 hours.
    await db.query(
      `UPDATE slot SET starts_at = starts_at + d.shift, ends_at = ends_at + d.shift
         FROM (SELECT now() + interval '20 hours' - min(starts_at) AS shift FROM slot WHERE forum_id = $1) d WHERE forum_id = $1`,
      [f.forumId],
    );
    const reminders = () => smtp.received.filter((mail) => mail.parsed.subject?.startsWith('Ngày mai tại'));
    const { schedule } = ok(await gql<{ schedule: { meetings: { companies: { id: string; name: string }[] }[] } }>(api.app, 'query ($f: ID!) { schedule(forumId: $f) { meetings { companies { id name } } } }', { f: f.forumId }, f.organizer));
    const vn1Meetings = schedule.meetings.filter((meeting) => meeting.companies.some((company) => company.id === f.ids.vn1));
    // VinaTech's representative and its delegate, in Vietnamese.
    await eventually(() => reminders().length === 2, 20_000);
    expect(reminders().map((mail) => mail.to).sort()).toEqual(['delegate@vinatech.vn', 'vn1@example.com']);
    const mail = reminders().find((m) => m.to === 'vn1@example.com')!;
    expect(mail.parsed.subject).toBe(`Ngày mai tại Korea–Vietnam ICT Forum Hanoi: ${vn1Meetings.length} cuộc gặp của bạn`);
    for (const meeting of vn1Meetings) expect(mail.parsed.text).toContain(meeting.companies.find((company) => company.id !== f.ids.vn1)!.name);
    expect(mail.parsed.text).toContain(`https://forum.example.com/forums/${f.forumId}/agenda`);
    const events = Object.values(ical.sync.parseICS(mail.parsed.attachments[0].content.toString('utf8'))).filter((item): item is VEvent => item?.type === 'VEVENT');
    expect(events).toHaveLength(vn1Meetings.length);
    // Written once per person and day, however often the planner runs.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'REMINDER' AND email = 'vn1@example.com'`)).toEqual([{ n: 1 }]);
  }, 40_000);

  it('shows the outbox to the forum organiser only', async () => {
    const { outbox } = ok(await gql<{ outbox: { kind: string; status: string; subject: string; channel: string }[] }>(api.app, OUTBOX, { f: f.forumId }, f.organizer));
    expect(outbox.length).toBeGreaterThan(10);
    expect(outbox.filter((row) => row.status === 'SENT').map((row) => row.channel)).toEqual(outbox.filter((row) => row.status === 'SENT').map(() => 'email'));
    expect(outbox.some((row) => row.subject === 'Seoul AI Labs đã chấp nhận yêu cầu gặp của bạn')).toBe(true);
    expect(codeOf(await gql(api.app, OUTBOX, { f: f.forumId }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, OUTBOX, { f: f.forumId }, f.vn1))).toBe('FORBIDDEN');
  });

  it('retries a refused send with backoff, and shows a message that keeps failing as FAILED with the reason', async () => {
    // (Hanoi Cloud's refusals: 452 each time; Seoul AI Labs': a permanent 550.)
    let refusals = 0;
    smtp.answer = (mail) => {
      if (mail.to === 'kr2@example.com' && refusals < 2) {
        refusals += 1;
        return Object.assign(new Error('451 Try again later'), { responseCode: 451 });
      }
      if (mail.to === 'kr1@example.com') return Object.assign(new Error('550 Mailbox unavailable'), { responseCode: 550 });
      if (mail.to === 'vn2@example.com') return Object.assign(new Error('452 Mailbox full'), { responseCode: 452 });
      return undefined;
    };
    try {
      ok(await gql(api.app, 'mutation ($id: ID!) { setRegistrationStatus(id: $id, status: REJECTED) { id } }', { id: await registrationId(db, f.forumId, f.ids.kr2) }, f.organizer));
      ok(await gql(api.app, 'mutation ($id: ID!) { setRegistrationStatus(id: $id, status: REJECTED) { id } }', { id: await registrationId(db, f.forumId, f.ids.kr1) }, f.organizer));
      ok(await gql(api.app, 'mutation ($id: ID!) { setRegistrationStatus(id: $id, status: REJECTED) { id } }', { id: await registrationId(db, f.forumId, f.ids.vn2) }, f.organizer));
      await eventually(async () => {
        const { outbox } = ok(await gql<{ outbox: { kind: string; email: string; status: string }[] }>(api.app, OUTBOX, { f: f.forumId }, f.organizer));
        const rejected = outbox.filter((row) => row.kind === 'REGISTRATION_REJECTED');
        return rejected.length === 3 && rejected.every((row) => row.status === 'SENT' || row.status === 'FAILED');
      });
      const { outbox } = ok(await gql<{ outbox: { kind: string; email: string; status: string; attempts: number; lastError: string | null }[] }>(api.app, OUTBOX, { f: f.forumId }, f.organizer));
      const kr2 = outbox.find((row) => row.kind === 'REGISTRATION_REJECTED' && row.email === 'kr2@example.com')!;
      const kr1 = outbox.find((row) => row.kind === 'REGISTRATION_REJECTED' && row.email === 'kr1@example.com')!;
      expect([kr2.status, kr2.attempts]).toEqual(['SENT', 3]);
      expect(to(smtp, 'kr2@example.com').filter((mail) => mail.parsed.subject === 'Korea–Vietnam ICT Forum Hanoi 참가 등록이 승인되지 않았습니다')).toHaveLength(1);
      expect([kr1.status, kr1.attempts]).toEqual(['FAILED', 1]);
      expect(kr1.lastError).toContain('550');
      // Refused for now, again and again: tried four times with growing waits, then shown as failed.
      const vn2 = outbox.find((row) => row.kind === 'REGISTRATION_REJECTED' && row.email === 'vn2@example.com')!;
      expect([vn2.status, vn2.attempts]).toEqual(['FAILED', 4]);
      expect(vn2.lastError).toContain('452');
    } finally {
      smtp.answer = () => undefined;
    }
  });

  it('unsubscribes with one click (RFC 8058), after which that category is not sent; security messages cannot be muted', async () => {
    const mail = to(smtp, 'vn2@example.com')[0];
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = header(mail, 'list-unsubscribe').replace(/^<|>$/g, '');
    expect(link).toMatch(/^https:\/\/forum\.example\.com\/unsubscribe\?token=/);
    const token = new URL(link).searchParams.get('token')!;
    await request(api.app.getHttpServer()).post(`/unsubscribe?token=${encodeURIComponent(token)}`).type('form').send('List-Unsubscribe=One-Click').expect(200, { unsubscribed: 'REQUESTS' });
    await request(api.app.getHttpServer()).post('/unsubscribe?token=forged.token').expect(400);
    expect(ok(await gql<{ mutedNotifications: string[] }>(api.app, '{ mutedNotifications }', {}, f.vn2)).mutedNotifications).toEqual(['REQUESTS']);
    expect(codeOf(await gql(api.app, 'mutation { setMutedNotifications(categories: [SECURITY]) }', {}, f.vn2))).toBe('BAD_USER_INPUT');
    // A request answered now writes nothing for Hanoi Cloud.
    const rows = await db.query(`SELECT count(*)::int AS n FROM notification WHERE email = 'vn2@example.com'`);
    await db.query(`UPDATE forum SET status = 'OPEN' WHERE id = $1`, [f.forumId]);
    await db.query(`UPDATE registration SET status = 'APPROVED' WHERE forum_id = $1`, [f.forumId]);
    const asked = ok(await gql<{ requestMeeting: { id: string } }>(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr1, priority: 1 } }, f.vn2)).requestMeeting;
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: asked.id }, f.kr1));
    expect(await db.query(`SELECT count(*)::int AS n FROM notification WHERE email = 'vn2@example.com'`)).toEqual(rows);
  });

  it("sends a forum's messages in its organiser's own words where set (checked placeholders, live preview), the product's elsewhere", async () => {
    const TEMPLATES = 'query ($f: ID!) { notificationTemplates(forumId: $f) { kind language subject body custom placeholders } }';
    const { notificationTemplates } = ok(await gql<{ notificationTemplates: { kind: string; language: string; subject: string; custom: boolean; placeholders: string[] }[] }>(api.app, TEMPLATES, { f: f.forumId }, f.organizer));
    expect(notificationTemplates).toHaveLength(10 * 3);
    expect(notificationTemplates.find((t) => t.kind === 'REQUEST_RECEIVED' && t.language === 'ko')).toMatchObject({ subject: '{{from}}에서 {{forum}} 상담을 신청했습니다', custom: false });
    const PREVIEW = 'query ($f: ID!, $in: NotificationTemplateInput!) { previewNotification(forumId: $f, input: $in) { subject text } }';
    const words = { kind: 'REQUEST_RECEIVED', language: 'ko', subject: '[{{forum}}] {{from}} 상담 신청', body: '{{name}} 님, {{from}}에서 {{company}}와의 상담을 원합니다.\n\n{{message}}\n\n통역이 필요하면 사무국(02-123-4567)으로 연락 주세요.' };
    const typo = await gql(api.app, PREVIEW, { f: f.forumId, in: { ...words, body: '{{nmae}} 님' } }, f.organizer);
    expect(codeOf(typo)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo)).toContain('{{nmae}}');
    const { previewNotification } = ok(await gql<{ previewNotification: { subject: string; text: string } }>(api.app, PREVIEW, { f: f.forumId, in: words }, f.organizer));
    expect(previewNotification.subject).toBe('[Korea–Vietnam ICT Forum Hanoi] VinaTech Software 상담 신청');
    expect(previewNotification.text).toContain('통역이 필요하면 사무국(02-123-4567)으로 연락 주세요.');
    expect(codeOf(await gql(api.app, PREVIEW, { f: f.forumId, in: words }, f.otherOrganizer))).toBe('NOT_FOUND');
    expect(codeOf(await gql(api.app, PREVIEW, { f: f.forumId, in: words }, f.vn1))).toBe('FORBIDDEN');

    const SET = 'mutation ($f: ID!, $in: NotificationTemplateInput!) { setNotificationTemplate(forumId: $f, input: $in) { custom } }';
    ok(await gql(api.app, SET, { f: f.forumId, in: words }, f.organizer));
    ok(await gql(api.app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }', { in: { forumId: f.forumId, toCompanyId: f.ids.kr2, priority: 4, message: 'Boards?' } }, f.vn1));
    await eventually(() => to(smtp, 'kr2@example.com').some((mail) => mail.parsed.subject === '[Korea–Vietnam ICT Forum Hanoi] VinaTech Software 상담 신청'));
    const mail = to(smtp, 'kr2@example.com').find((m) => m.parsed.subject === '[Korea–Vietnam ICT Forum Hanoi] VinaTech Software 상담 신청')!;
    expect(mail.parsed.text).toContain('kr2 님, VinaTech Software에서 Busan Chips와의 상담을 원합니다.');
    expect(mail.parsed.text).toContain('“Boards?”');
    expect(mail.parsed.text).toContain(`https://forum.example.com/forums/${f.forumId}/requests`);
    // In English, the product's words still.
    const after = ok(await gql<{ notificationTemplates: { kind: string; language: string; custom: boolean }[] }>(api.app, TEMPLATES, { f: f.forumId }, f.organizer)).notificationTemplates;
    expect(after.filter((t) => t.custom).map((t) => `${t.kind}/${t.language}`)).toEqual(['REQUEST_RECEIVED/ko']);
    const reset = ok(await gql<{ resetNotificationTemplate: { custom: boolean; subject: string } }>(api.app, 'mutation ($f: ID!) { resetNotificationTemplate(forumId: $f, kind: REQUEST_RECEIVED, language: ko) { custom subject } }', { f: f.forumId }, f.organizer));
    expect(reset.resetNotificationTemplate).toEqual({ custom: false, subject: '{{from}}에서 {{forum}} 상담을 신청했습니다' });
  });

  it('resets a forgotten password with a single-use emailed link that ends the other sessions; the same answer for an unknown address', async () => {
    const resets = () => smtp.received.filter((mail) => mail.parsed.subject === 'Forum Matchmaker 비밀번호 재설정');
    expect(ok(await gql<{ requestPasswordReset: boolean }>(api.app, 'mutation { requestPasswordReset(email: "nobody@example.com") }')).requestPasswordReset).toBe(true);
    expect(ok(await gql<{ requestPasswordReset: boolean }>(api.app, 'mutation { requestPasswordReset(email: "KR2@example.com") }')).requestPasswordReset).toBe(true);
    await eventually(() => resets().length === 1);
    // Nothing for the unknown address (the answer was the same).
    expect(await db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'PASSWORD_RESET'`)).toEqual([{ n: 1 }]);
    const mail = resets()[0];
    expect(mail.to).toBe('kr2@example.com');
    expect(header(mail, 'list-unsubscribe')).toBe('');
    const token = decodeURIComponent(mail.parsed.text!.match(/reset-password\?token=([\w%-]+)/)![1]);
    // The token does not stay in the outbox once sent.
    await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'PASSWORD_RESET' AND data ? 'token'`))[0].n === 0);

    expect(codeOf(await gql(api.app, 'mutation ($in: ResetPasswordInput!) { resetPassword(input: $in) }', { in: { token, newPassword: 'short' } }))).toBe('BAD_USER_INPUT');
    ok(await gql(api.app, 'mutation ($in: ResetPasswordInput!) { resetPassword(input: $in) }', { in: { token, newPassword: 'a brand new password' } }));
    expect(codeOf(await gql(api.app, '{ me { id } }', {}, f.kr2))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(api.app, 'mutation ($in: ResetPasswordInput!) { resetPassword(input: $in) }', { in: { token, newPassword: 'another new password' } }))).toBe('BAD_USER_INPUT');
    ok(await gql(api.app, 'mutation ($in: LoginInput!) { login(input: $in) { accessToken } }', { in: { email: 'kr2@example.com', password: 'a brand new password' } }));
    // Expired links do not work.
    ok(await gql(api.app, 'mutation { requestPasswordReset(email: "kr2@example.com") }'));
    await eventually(() => resets().length === 2);
    const second = decodeURIComponent(resets()[1].parsed.text!.match(/reset-password\?token=([\w%-]+)/)![1]);
    await db.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect(codeOf(await gql(api.app, 'mutation ($in: ResetPasswordInput!) { resetPassword(input: $in) }', { in: { token: second, newPassword: 'another new password' } }))).toBe('BAD_USER_INPUT');
  });
});

async function registrationId(db: DataSource, forumId: string, companyId: string): Promise<string> {
  const [row] = await db.query('SELECT id FROM registration WHERE forum_id = $1 AND company_id = $2', [forumId, companyId]);
  return row.id;
}
