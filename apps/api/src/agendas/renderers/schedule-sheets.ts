import ExcelJS from 'exceljs';
import { exportsT, localDateTime, type Language } from '@forum/common';
import type { AgendaForum } from '../agenda.query';
import type { RequestCompany, RequestRow, ScheduledMeeting } from '../agendas.service';

const BOM = '\uFEFF';

/**
 * The whole schedule, one row per meeting, times on the forum's clock; UTF-8
 * with a byte order mark, so Excel opened by double-click shows Hangul and
 * Vietnamese as they are.
 */
export function scheduleCsv(forum: AgendaForum, meetings: ScheduledMeeting[], language: Language): string {
  const t = exportsT(language);
  const header = MEETING_COLUMNS.map((column) => t(`column.${column.key}`));
  const rows = meetings.map((meeting) => meetingRow(meeting, t, (date) => localDateTime(date, forum.timeZone)));
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const REQUEST_COLUMNS = ['from', 'fromCountry', 'to', 'toCountry', 'priority', 'status', 'meets', 'sentAt', 'answeredAt', 'message'] as const;

function requestCells(timeZone: string, request: RequestRow, t: ReturnType<typeof exportsT>): string[] {
  const time = (date: Date | null) => (date ? localDateTime(new Date(date), timeZone).slice(0, 16).replace('T', ' ') : '');
  return [
    request.fromName,
    request.fromCountry,
    request.toName,
    request.toCountry,
    String(request.priority),
    t(`requestStatus.${request.status}`),
    request.meets ? t('yes') : t('no'),
    time(request.createdAt),
    time(request.respondedAt),
    request.message ?? '',
  ];
}

/** Every meeting request of a forum (the organiser's follow-up list), times on the forum's clock; UTF-8 with a BOM. */
export function requestsCsv(timeZone: string, requests: RequestRow[], language: Language): string {
  const t = exportsT(language);
  const rows = requests.map((request) => requestCells(timeZone, request, t));
  return BOM + [REQUEST_COLUMNS.map((column) => t(`column.${column}`)), ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One registered company's requests, both ways: what the organiser chases by phone. */
export interface RequestActivity {
  sent: number;
  received: number;
  accepted: number;
  declined: number;
  waiting: number;
  /** Accepted of answered (accepted + declined), or null when none was answered. */
  acceptanceRate: number | null;
  /** Accepted requests whose pair meets in the published schedule. */
  meetings: number;
}

export function requestActivity(companies: RequestCompany[], requests: RequestRow[]): Map<string, RequestActivity> {
  const activity = new Map(companies.map((company) => [company.id, { sent: 0, received: 0, accepted: 0, declined: 0, waiting: 0, acceptanceRate: null as number | null, meetings: 0 }]));
  for (const request of requests) {
    if (request.status === 'WITHDRAWN') continue;
    for (const id of [request.fromId, request.toId]) {
      const counts = activity.get(id);
      if (!counts) continue;
      if (id === request.fromId) counts.sent += 1;
      else counts.received += 1;
      if (request.status === 'ACCEPTED') counts.accepted += 1;
      if (request.status === 'DECLINED') counts.declined += 1;
      if (request.status === 'PENDING') counts.waiting += 1;
      if (request.status === 'ACCEPTED' && request.meets) counts.meetings += 1;
    }
  }
  for (const counts of activity.values()) counts.acceptanceRate = counts.accepted + counts.declined ? counts.accepted / (counts.accepted + counts.declined) : null;
  return activity;
}

/**
 * The requests as a workbook: every request (as in the CSV), and a sheet by
 * company with its requests both ways and how many were accepted — companies
 * with none come first, the ones to chase.
 */
export async function requestsXlsx(timeZone: string, requests: RequestRow[], companies: RequestCompany[], language: Language): Promise<Buffer> {
  const t = exportsT(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Forum Matchmaker';
  const names = new Set<string>();
  const all = workbook.addWorksheet(sheetName(t('sheet.requests'), names));
  const widths: Record<(typeof REQUEST_COLUMNS)[number], number> = { from: 28, fromCountry: 10, to: 28, toCountry: 10, priority: 9, status: 12, meets: 9, sentAt: 17, answeredAt: 17, message: 50 };
  all.columns = REQUEST_COLUMNS.map((column) => ({ header: t(`column.${column}`), width: widths[column] }));
  for (const request of requests) all.addRow(requestCells(timeZone, request, t));
  all.getRow(1).font = { bold: true };
  all.views = [{ state: 'frozen', ySplit: 1 }];
  if (requests.length) all.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REQUEST_COLUMNS.length } };

  const byCompany = workbook.addWorksheet(sheetName(t('sheet.companies'), names));
  byCompany.columns = [
    { header: t('column.company'), width: 30 },
    { header: t('column.country'), width: 9 },
    { header: t('column.side'), width: 7 },
    { header: t('column.registration'), width: 16 },
    { header: t('column.sent'), width: 10 },
    { header: t('column.received'), width: 10 },
    { header: t('column.accepted'), width: 10 },
    { header: t('column.declined'), width: 10 },
    { header: t('column.waiting'), width: 10 },
    { header: t('column.acceptanceRate'), width: 14, style: { numFmt: '0%' } },
    { header: t('column.meetings'), width: 14 },
  ];
  const activity = requestActivity(companies, requests);
  const chaseFirst = [...companies].sort((a, b) => activity.get(a.id)!.accepted - activity.get(b.id)!.accepted || a.name.localeCompare(b.name));
  for (const company of chaseFirst) {
    const counts = activity.get(company.id)!;
    byCompany.addRow([company.name, company.country, company.side ?? '', t(`registrationStatus.${company.status}`), counts.sent, counts.received, counts.accepted, counts.declined, counts.waiting, counts.acceptanceRate, counts.meetings]);
  }
  byCompany.getRow(1).font = { bold: true };
  byCompany.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The columns of one meeting, shared by the CSV and the day sheets (widths for the spreadsheet). */
const MEETING_COLUMNS = [
  { key: 'start', width: 8 },
  { key: 'end', width: 8 },
  { key: 'table', width: 8 },
  { key: 'interpreter', width: 11 },
  { key: 'companyA', width: 36 },
  { key: 'countryA', width: 8 },
  { key: 'companyB', width: 36 },
  { key: 'countryB', width: 8 },
  { key: 'pinned', width: 8 },
  { key: 'meetingId', width: 38 },
] as const;

function meetingRow(meeting: ScheduledMeeting, t: ReturnType<typeof exportsT>, time: (date: Date) => string): string[] {
  return [
    time(meeting.slot.startsAt),
    time(meeting.slot.endsAt),
    meeting.table.label,
    meeting.table.interpreter ? t('yes') : t('no'),
    meeting.companyA.name,
    meeting.companyA.country,
    meeting.companyB.name,
    meeting.companyB.country,
    meeting.pinned ? t('yes') : t('no'),
    meeting.meetingId,
  ];
}

function csvField(value: string): string {
  // Quote when needed; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 27)} (${i})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * What organisers open: a sheet per day (one row per meeting), a slot × table
 * grid, a sheet by company (each company's meetings in time order), and for
 * the floor a sheet by table and one of the interpreters' tables.
 */
export async function scheduleXlsx(forum: AgendaForum, meetings: ScheduledMeeting[], language: Language): Promise<Buffer> {
  const t = exportsT(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Forum Matchmaker';
  workbook.title = forum.name;
  const names = new Set<string>();
  const bold = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const clock = (date: Date) => localDateTime(date, forum.timeZone).slice(11, 16);
  const dayOf = (date: Date) => localDateTime(date, forum.timeZone).slice(0, 10);

  const days = [...new Set(meetings.map((meeting) => dayOf(meeting.slot.startsAt)))].sort();
  for (const day of days.length ? days : [t('column.day')]) {
    const sheet = workbook.addWorksheet(sheetName(day, names));
    sheet.columns = MEETING_COLUMNS.map((column) => ({ header: t(`column.${column.key}`), width: column.width }));
    for (const meeting of meetings.filter((m) => dayOf(m.slot.startsAt) === day)) sheet.addRow(meetingRow(meeting, t, clock));
    bold(sheet);
  }

  // Grid: a row per slot, a column per table that holds a meeting.
  const grid = workbook.addWorksheet(sheetName(t('sheet.grid'), names));
  const tables = [...new Map(meetings.map((m) => [m.table.id, m.table])).values()].sort((x, y) => x.number - y.number);
  const slots = [...new Map(meetings.map((m) => [m.slot.id, m.slot])).values()].sort((x, y) => x.position - y.position);
  grid.columns = [{ header: t('column.time'), width: 18 }, ...tables.map((table) => ({ header: `${table.label}${table.interpreter ? ` (${t('interpreter')})` : ''}`, width: 30 }))];
  const cell = new Map(meetings.map((m) => [`${m.slot.id}|${m.table.id}`, `${m.companyA.name} – ${m.companyB.name}`]));
  for (const slot of slots) {
    const row = grid.addRow([`${dayOf(slot.startsAt)} ${clock(slot.startsAt)}–${clock(slot.endsAt)}`, ...tables.map((table) => cell.get(`${slot.id}|${table.id}`) ?? '')]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  bold(grid);

  // By company: each company's meetings, in time order.
  const byCompany = workbook.addWorksheet(sheetName(t('sheet.companies'), names));
  byCompany.columns = [
    { header: t('column.company'), width: 36 },
    { header: t('column.day'), width: 12 },
    { header: t('column.time'), width: 12 },
    { header: t('column.table'), width: 8 },
    { header: t('column.interpreter'), width: 11 },
    { header: t('column.counterpart'), width: 36 },
    { header: t('column.country'), width: 8 },
  ];
  const rows = meetings.flatMap((m) => [
    { company: m.companyA, counterpart: m.companyB, meeting: m },
    { company: m.companyB, counterpart: m.companyA, meeting: m },
  ]);
  rows.sort((x, y) => x.company.name.localeCompare(y.company.name) || x.company.id.localeCompare(y.company.id) || x.meeting.slot.position - y.meeting.slot.position);
  for (const { company, counterpart, meeting } of rows) {
    byCompany.addRow([
      company.name,
      dayOf(meeting.slot.startsAt),
      `${clock(meeting.slot.startsAt)}–${clock(meeting.slot.endsAt)}`,
      meeting.table.label,
      meeting.table.interpreter ? t('yes') : t('no'),
      counterpart.name,
      counterpart.country,
    ]);
  }
  bold(byCompany);

  // For the floor staff: every table's day, table by table; then the interpreters' tables, with what each pair speaks.
  const byTableRows = [...meetings].sort((x, y) => x.table.number - y.table.number || x.slot.position - y.slot.position);
  const byTable = workbook.addWorksheet(sheetName(t('sheet.tables'), names));
  const interpreters = workbook.addWorksheet(sheetName(t('sheet.interpreters'), names));
  for (const [sheet, rows] of [
    [byTable, byTableRows],
    [interpreters, byTableRows.filter((meeting) => meeting.table.interpreter)],
  ] as const) {
    sheet.columns = [
      { header: t('column.table'), width: 8 },
      { header: t('column.day'), width: 12 },
      { header: t('column.time'), width: 12 },
      { header: t('column.companyA'), width: 36 },
      { header: t('column.languagesA'), width: 12 },
      { header: t('column.companyB'), width: 36 },
      { header: t('column.languagesB'), width: 12 },
    ];
    for (const meeting of rows) {
      sheet.addRow([
        meeting.table.label,
        dayOf(meeting.slot.startsAt),
        `${clock(meeting.slot.startsAt)}–${clock(meeting.slot.endsAt)}`,
        meeting.companyA.name,
        meeting.companyA.languages.join(', '),
        meeting.companyB.name,
        meeting.companyB.languages.join(', '),
      ]);
    }
    bold(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
