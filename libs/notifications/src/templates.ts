import type { Language } from '@forum/common';
import type { NotificationKind } from '@forum/db';

/** A place and time of a meeting, as written into a notification when it was caused. */
export interface MeetingPlace {
  startsAt: string;
  endsAt?: string;
  table: string;
}

/** One change to a published agenda. */
export interface AgendaChange {
  change: 'MOVED' | 'CANCELLED' | 'ADDED';
  meetingId: string;
  counterpart: string;
  from?: MeetingPlace;
  to?: MeetingPlace;
  /** The two companies (sorted), for the calendar event's UID, and the meeting's SEQUENCE before the change. */
  pair?: [string, string];
  sequence?: number;
}

/** What templates read: `data` of the rows (several for a burst of agenda changes), and the links. */
export interface MessageInput {
  kind: NotificationKind;
  language: Language;
  data: Record<string, unknown>;
  /** AGENDA_CHANGED: every change in the burst, oldest first. */
  changes?: AgendaChange[];
  /** REMINDER: the day's meetings, in time order. */
  agenda?: { startsAt: string; table: string; counterpart: string }[];
  links: { action?: string; unsubscribe?: string };
  /** The organiser's own subject and body for this forum, kind and language (paragraphs separated by blank lines). */
  custom?: { subject: string; body: string } | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

type Lines = { subject: string; body: string[]; action?: string };
type Strings = Record<NotificationKind, Lines> & {
  hello: string;
  agendaLine: string;
  change: Record<AgendaChange['change'], string>;
  table: string;
  unsubscribe: string;
  security: string;
};

/**
 * The messages in the three languages of a Korea–Vietnam forum. `{{name}}`
 * placeholders come from the row's data; times are formatted on the forum's
 * clock in the reader's language.
 */
export const STRINGS: Record<Language, Strings> = {
  en: {
    hello: 'Hello {{name}},',
    agendaLine: '{{time}} · table {{table}} · {{counterpart}}',
    REQUEST_RECEIVED: { subject: '{{from}} asks to meet you at {{forum}}', body: ['{{from}} ({{fromCountry}}) would like a meeting with {{company}} at {{forum}}.', '{{message}}', 'Accept or decline it in Forum Matchmaker.'], action: 'See the request' },
    REQUEST_ACCEPTED: { subject: '{{to}} accepted your meeting request', body: ['{{to}} accepted your request to meet at {{forum}}. The meeting will be in your agenda once the organiser publishes the schedule.'], action: 'See your requests' },
    REQUEST_DECLINED: { subject: '{{to}} declined your meeting request', body: ['{{to}} declined your request to meet at {{forum}}. Other companies may suit you: see the recommendations.'], action: 'See recommendations' },
    REQUEST_WITHDRAWN: { subject: '{{from}} withdrew its meeting request', body: ['{{from}} withdrew its request to meet {{company}} at {{forum}}.'], action: 'See your requests' },
    REGISTRATION_APPROVED: { subject: 'Your registration for {{forum}} is approved', body: ['The organiser approved {{company}} for {{forum}}. Other companies can now see you and ask to meet you.'], action: 'Open the forum' },
    REGISTRATION_REJECTED: { subject: 'Your registration for {{forum}} was not approved', body: ['The organiser did not approve {{company}} for {{forum}}. Write to the organiser if you think this is a mistake.'], action: 'Open the forum' },
    SCHEDULE_PUBLISHED: { subject: 'Your agenda for {{forum}}: {{meetings}} meetings', body: ['The schedule of {{forum}} is published (version {{version}}). {{company}} has {{meetings}} meetings.', 'The attached calendar file adds them to your calendar.'], action: 'See your agenda' },
    AGENDA_CHANGED: { subject: 'Your agenda for {{forum}} changed', body: ['The organiser changed your agenda for {{forum}}:'], action: 'See your agenda' },
    REMINDER: { subject: 'Tomorrow at {{forum}}: your {{meetings}} meetings', body: ['Your meetings at {{forum}} on {{day}}{{venue}}:'], action: 'Your agenda and its printable PDF' },
    OUTCOME_FOLLOW_UP: { subject: '{{forum}}, {{months}} months on: how did your meetings go?', body: ['The organiser of {{forum}} asks {{company}} to update what came of its meetings ({{meetings}}): interest, expected value and where each stands now.', 'Your notes stay private; the organiser sees statuses and values only.'], action: 'Update your outcomes' },
    PASSWORD_RESET: { subject: 'Reset your Forum Matchmaker password', body: ['Someone (we hope you) asked to reset the password of {{email}}.', 'The link works once, for one hour. If you did not ask, ignore this message: your password stays as it is.'], action: 'Choose a new password' },
    change: { MOVED: '{{counterpart}}: moved from {{from}} to {{to}}', CANCELLED: '{{counterpart}}: {{from}} is cancelled', ADDED: '{{counterpart}}: new meeting at {{to}}' },
    table: 'table {{table}}',
    unsubscribe: 'Do not want these messages? Unsubscribe: {{link}}',
    security: 'You get this message because it concerns the security of your account.',
  },
  ko: {
    hello: '{{name}} 님, 안녕하세요.',
    agendaLine: '{{time}} · {{table}} 테이블 · {{counterpart}}',
    REQUEST_RECEIVED: { subject: '{{from}}에서 {{forum}} 상담을 신청했습니다', body: ['{{from}}({{fromCountry}})에서 {{forum}}에서 {{company}}와의 상담을 원합니다.', '{{message}}', 'Forum Matchmaker에서 수락하거나 거절하세요.'], action: '신청 보기' },
    REQUEST_ACCEPTED: { subject: '{{to}}에서 상담 신청을 수락했습니다', body: ['{{to}}에서 {{forum}} 상담 신청을 수락했습니다. 주최 측이 일정을 발표하면 상담 일정에 표시됩니다.'], action: '상담 신청 보기' },
    REQUEST_DECLINED: { subject: '{{to}}에서 상담 신청을 거절했습니다', body: ['{{to}}에서 {{forum}} 상담 신청을 거절했습니다. 추천 기업을 확인해 보세요.'], action: '추천 기업 보기' },
    REQUEST_WITHDRAWN: { subject: '{{from}}에서 상담 신청을 철회했습니다', body: ['{{from}}에서 {{forum}}에서의 {{company}} 상담 신청을 철회했습니다.'], action: '상담 신청 보기' },
    REGISTRATION_APPROVED: { subject: '{{forum}} 참가 등록이 승인되었습니다', body: ['주최 측이 {{forum}}에 {{company}}의 참가를 승인했습니다. 이제 다른 기업이 귀사를 보고 상담을 신청할 수 있습니다.'], action: '포럼 열기' },
    REGISTRATION_REJECTED: { subject: '{{forum}} 참가 등록이 승인되지 않았습니다', body: ['주최 측이 {{forum}}에 {{company}}의 참가를 승인하지 않았습니다. 잘못되었다고 생각되면 주최 측에 문의하세요.'], action: '포럼 열기' },
    SCHEDULE_PUBLISHED: { subject: '{{forum}} 상담 일정: 상담 {{meetings}}건', body: ['{{forum}} 일정이 발표되었습니다(버전 {{version}}). {{company}}의 상담은 {{meetings}}건입니다.', '첨부된 캘린더 파일로 일정을 캘린더에 추가할 수 있습니다.'], action: '상담 일정 보기' },
    AGENDA_CHANGED: { subject: '{{forum}} 상담 일정이 변경되었습니다', body: ['주최 측이 {{forum}} 상담 일정을 변경했습니다:'], action: '상담 일정 보기' },
    REMINDER: { subject: '내일 {{forum}}: 상담 {{meetings}}건', body: ['{{day}} {{forum}}{{venue}} 상담 일정입니다:'], action: '상담 일정과 인쇄용 PDF' },
    OUTCOME_FOLLOW_UP: { subject: '{{forum}} {{months}}개월 후: 상담 성과를 알려 주세요', body: ['{{forum}} 주최 측이 {{company}}의 상담 {{meetings}}건의 성과(관심도, 예상 금액, 진행 상황)를 갱신해 달라고 요청했습니다.', '메모는 귀사만 볼 수 있으며, 주최 측은 진행 상황과 금액만 봅니다.'], action: '상담 성과 입력하기' },
    PASSWORD_RESET: { subject: 'Forum Matchmaker 비밀번호 재설정', body: ['{{email}} 계정의 비밀번호 재설정이 요청되었습니다.', '링크는 한 번, 1시간 동안 사용할 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.'], action: '새 비밀번호 정하기' },
    change: { MOVED: '{{counterpart}}: {{from}} → {{to}}(으)로 변경', CANCELLED: '{{counterpart}}: {{from}} 상담 취소', ADDED: '{{counterpart}}: {{to}} 새 상담' },
    table: '{{table}} 테이블',
    unsubscribe: '이 알림을 받지 않으려면: {{link}}',
    security: '계정 보안에 관한 메일이므로 발송되었습니다.',
  },
  vi: {
    hello: 'Xin chào {{name}},',
    agendaLine: '{{time}} · bàn {{table}} · {{counterpart}}',
    REQUEST_RECEIVED: { subject: '{{from}} muốn gặp bạn tại {{forum}}', body: ['{{from}} ({{fromCountry}}) muốn có một cuộc gặp với {{company}} tại {{forum}}.', '{{message}}', 'Hãy chấp nhận hoặc từ chối trong Forum Matchmaker.'], action: 'Xem yêu cầu' },
    REQUEST_ACCEPTED: { subject: '{{to}} đã chấp nhận yêu cầu gặp của bạn', body: ['{{to}} đã chấp nhận yêu cầu gặp tại {{forum}}. Cuộc gặp sẽ có trong lịch của bạn khi ban tổ chức công bố lịch.'], action: 'Xem yêu cầu' },
    REQUEST_DECLINED: { subject: '{{to}} đã từ chối yêu cầu gặp của bạn', body: ['{{to}} đã từ chối yêu cầu gặp tại {{forum}}. Hãy xem các doanh nghiệp được gợi ý.'], action: 'Xem gợi ý' },
    REQUEST_WITHDRAWN: { subject: '{{from}} đã rút yêu cầu gặp', body: ['{{from}} đã rút yêu cầu gặp {{company}} tại {{forum}}.'], action: 'Xem yêu cầu' },
    REGISTRATION_APPROVED: { subject: 'Đăng ký tham dự {{forum}} đã được duyệt', body: ['Ban tổ chức đã duyệt {{company}} tham dự {{forum}}. Các doanh nghiệp khác giờ có thể thấy và đề nghị gặp bạn.'], action: 'Mở diễn đàn' },
    REGISTRATION_REJECTED: { subject: 'Đăng ký tham dự {{forum}} không được duyệt', body: ['Ban tổ chức không duyệt {{company}} tham dự {{forum}}. Nếu bạn cho rằng có nhầm lẫn, hãy liên hệ ban tổ chức.'], action: 'Mở diễn đàn' },
    SCHEDULE_PUBLISHED: { subject: 'Lịch gặp của bạn tại {{forum}}: {{meetings}} cuộc gặp', body: ['Lịch gặp của {{forum}} đã được công bố (phiên bản {{version}}). {{company}} có {{meetings}} cuộc gặp.', 'Tệp lịch đính kèm giúp thêm chúng vào lịch của bạn.'], action: 'Xem lịch gặp' },
    AGENDA_CHANGED: { subject: 'Lịch gặp của bạn tại {{forum}} đã thay đổi', body: ['Ban tổ chức đã thay đổi lịch gặp của bạn tại {{forum}}:'], action: 'Xem lịch gặp' },
    REMINDER: { subject: 'Ngày mai tại {{forum}}: {{meetings}} cuộc gặp của bạn', body: ['Các cuộc gặp của bạn tại {{forum}} ngày {{day}}{{venue}}:'], action: 'Lịch gặp và bản PDF để in' },
    OUTCOME_FOLLOW_UP: { subject: '{{forum}}, {{months}} tháng sau: các cuộc gặp của bạn ra sao?', body: ['Ban tổ chức {{forum}} đề nghị {{company}} cập nhật kết quả {{meetings}} cuộc gặp: mức quan tâm, giá trị dự kiến và tình trạng hiện nay.', 'Ghi chú của bạn được giữ riêng; ban tổ chức chỉ thấy tình trạng và giá trị.'], action: 'Cập nhật kết quả' },
    PASSWORD_RESET: { subject: 'Đặt lại mật khẩu Forum Matchmaker', body: ['Có yêu cầu đặt lại mật khẩu cho {{email}}.', 'Liên kết chỉ dùng được một lần, trong một giờ. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi.'], action: 'Chọn mật khẩu mới' },
    change: { MOVED: '{{counterpart}}: chuyển từ {{from}} sang {{to}}', CANCELLED: '{{counterpart}}: cuộc gặp lúc {{from}} bị hủy', ADDED: '{{counterpart}}: cuộc gặp mới lúc {{to}}' },
    table: 'bàn {{table}}',
    unsubscribe: 'Không muốn nhận những thư này? Hủy đăng ký: {{link}}',
    security: 'Bạn nhận thư này vì nó liên quan đến bảo mật tài khoản.',
  },
};

export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => (values[key] === undefined || values[key] === null ? '' : String(values[key])));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "10 Jun 2024, 10:30 · table T05", on the forum's clock, in the reader's language. */
export function placeText(place: MeetingPlace, language: Language, timeZone: string): string {
  const when = new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(place.startsAt));
  return `${when} · ${fill(STRINGS[language].table, { table: place.table })}`;
}

/** Subject, plain text and HTML of one message, in its reader's language. */
export function renderMessage(input: MessageInput): RenderedMessage {
  const s = STRINGS[input.language];
  const lines = s[input.kind];
  const timeZone = String(input.data.timeZone ?? 'UTC');
  const paragraphs = input.custom ? input.custom.body.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()) : lines.body;
  const body = paragraphs.map((line) => fill(line, input.data)).filter((line) => line.trim() !== '');
  const changes = (input.changes ?? []).map((change) =>
    fill(s.change[change.change], {
      counterpart: change.counterpart,
      from: change.from ? placeText(change.from, input.language, timeZone) : '',
      to: change.to ? placeText(change.to, input.language, timeZone) : '',
    }),
  );
  const clock = new Intl.DateTimeFormat(input.language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  changes.push(...(input.agenda ?? []).map((meeting) => fill(s.agendaLine, { time: clock.format(new Date(meeting.startsAt)), table: meeting.table, counterpart: meeting.counterpart })));
  const hello = fill(s.hello, input.data);
  const footer = input.links.unsubscribe ? fill(s.unsubscribe, { link: input.links.unsubscribe }) : input.kind === 'PASSWORD_RESET' ? s.security : '';
  const action = lines.action && input.links.action ? { label: lines.action, url: input.links.action } : null;
  const text = [hello, '', ...body, ...(changes.length ? ['', ...changes.map((change) => `- ${change}`)] : []), ...(action ? ['', `${action.label}: ${action.url}`] : []), ...(footer ? ['', '--', footer] : [])].join('\n');
  const html = [
    `<!doctype html><html lang="${input.language}"><body style="font-family:'Noto Sans KR','Noto Sans',Arial,sans-serif;line-height:1.5;color:#1a1b1e">`,
    `<p>${escapeHtml(hello)}</p>`,
    ...body.map((line) => `<p>${escapeHtml(line)}</p>`),
    changes.length ? `<ul>${changes.map((change) => `<li>${escapeHtml(change)}</li>`).join('')}</ul>` : '',
    action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1864ab;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` : '',
    footer ? `<hr><p style="font-size:12px;color:#555">${input.links.unsubscribe ? `${escapeHtml(fill(s.unsubscribe, { link: '' }).replace(/[:：]\s*$/, ''))}: <a href="${escapeHtml(input.links.unsubscribe)}">${escapeHtml(input.links.unsubscribe)}</a>` : escapeHtml(footer)}</p>` : '',
    '</body></html>',
  ].join('');
  return { subject: fill(input.custom?.subject ?? lines.subject, input.data).replace(/\s+/g, ' ').trim(), text, html };
}

/** What each kind's own words may say: the placeholders its data carries. */
export const PLACEHOLDERS: Record<NotificationKind, string[]> = {
  REQUEST_RECEIVED: ['name', 'company', 'forum', 'from', 'fromCountry', 'to', 'message'],
  REQUEST_ACCEPTED: ['name', 'company', 'forum', 'from', 'to'],
  REQUEST_DECLINED: ['name', 'company', 'forum', 'from', 'to'],
  REQUEST_WITHDRAWN: ['name', 'company', 'forum', 'from', 'to'],
  REGISTRATION_APPROVED: ['name', 'company', 'forum'],
  REGISTRATION_REJECTED: ['name', 'company', 'forum'],
  SCHEDULE_PUBLISHED: ['name', 'company', 'forum', 'version', 'meetings'],
  AGENDA_CHANGED: ['name', 'company', 'forum'],
  REMINDER: ['name', 'company', 'forum', 'day', 'venue', 'meetings'],
  PASSWORD_RESET: ['name', 'email'],
  OUTCOME_FOLLOW_UP: ['name', 'company', 'forum', 'months', 'meetings'],
};

/** The placeholders of a text that its kind does not know (an organiser's typo, said before it is saved). */
export function unknownPlaceholders(kind: NotificationKind, text: string): string[] {
  const known = new Set(PLACEHOLDERS[kind]);
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]))].filter((name) => !known.has(name));
}

/** Sample data for a preview of each kind, as a real message of a Korea–Vietnam forum would carry. */
export function sampleData(kind: NotificationKind, language: Language, forum: { name: string; timeZone: string; venue: string | null }): { data: Record<string, unknown>; changes?: AgendaChange[]; agenda?: MessageInput['agenda'] } {
  const [me, them] = language === 'ko' ? ['Seoul AI Labs', 'VinaTech Software'] : ['VinaTech Software', 'Seoul AI Labs'];
  const name = language === 'ko' ? '김민준' : language === 'vi' ? 'Nguyễn Văn An' : 'Alex Kim';
  const soon = new Date(Date.now() + 24 * 3600_000);
  soon.setUTCMinutes(0, 0, 0);
  const at = (minutes: number) => new Date(soon.getTime() + minutes * 60_000).toISOString();
  const data: Record<string, unknown> = {
    name,
    company: me,
    forum: forum.name,
    timeZone: forum.timeZone,
    from: kind === 'REQUEST_RECEIVED' || kind === 'REQUEST_WITHDRAWN' ? them : me,
    fromCountry: language === 'ko' ? 'VN' : 'KR',
    to: kind === 'REQUEST_RECEIVED' || kind === 'REQUEST_WITHDRAWN' ? me : them,
    message: '“We build software for smart cities; shall we meet?”',
    version: 2,
    meetings: 3,
    day: new Intl.DateTimeFormat('en-CA', { timeZone: forum.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(soon),
    venue: forum.venue ? `, ${forum.venue}` : '',
    email: 'ceo@example.com',
    months: 3,
  };
  if (kind === 'AGENDA_CHANGED') return { data, changes: [{ change: 'MOVED', meetingId: 'sample', counterpart: them, from: { startsAt: at(0), table: 'T05' }, to: { startsAt: at(30), table: 'T12' } }] };
  if (kind === 'REMINDER') return { data, agenda: [0, 30, 90].map((minutes, i) => ({ startsAt: at(minutes), table: `T0${i + 2}`, counterpart: i === 0 ? them : `${them} ${i + 1}` })) };
  return { data };
}
