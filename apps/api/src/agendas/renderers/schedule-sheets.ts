import ExcelJS from 'exceljs';
import { exportsT, localDateTime, type Language } from '@forum/common';
import type { AgendaForum } from '../agenda.query';
import type { RequestRow, ScheduledMeeting } from '../agendas.service';

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

/** Every meeting request of a forum (the organiser's follow-up list), times on the forum's clock; UTF-8 with a BOM. */
export function requestsCsv(timeZone: string, requests: RequestRow[], language: Language): string {
  const t = exportsT(language);
  const columns = ['from', 'fromCountry', 'to', 'toCountry', 'priority', 'status', 'meets', 'sentAt', 'answeredAt', 'message'] as const;
  const time = (date: Date | null) => (date ? localDateTime(new Date(date), timeZone).slice(0, 16).replace('T', ' ') : '');
  const rows = requests.map((request) => [
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
  ]);
  return BOM + [columns.map((column) => t(`column.${column}`)), ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
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
