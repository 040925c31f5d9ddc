import ical from 'ical-generator';
import PDFDocument from 'pdfkit';
import { localClock, localDateTime } from '@forum/common';
import type { Forum } from '@forum/db';
import type { AgendaEntry, CompanyAgenda } from './agendas.service';

/** One VEVENT per meeting: start, end, location = table, counterpart in the summary. */
export function agendaCalendar(forum: Forum, companyName: string | null, entries: AgendaEntry[]): string {
  const calendar = ical({ name: `${forum.name}${companyName ? ` – ${companyName}` : ''}`, prodId: { company: 'Forum Matchmaker', product: 'agenda' }, timezone: forum.timeZone });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.meeting.id}@forum-matchmaker`,
      start: entry.slot.startsAt,
      end: entry.slot.endsAt,
      summary: `Meeting with ${entry.counterpart.name}`,
      location: `Table ${entry.table.label}${entry.table.interpreter ? ' (interpreter)' : ''}${forum.venue ? `, ${forum.venue}` : ''}`,
      description: [
        `${entry.counterpart.name} (${entry.counterpart.country})`,
        entry.counterpartDelegates.length ? `Delegates: ${entry.counterpartDelegates.map((d) => d.name).join(', ')}` : '',
        entry.table.interpreter ? 'A Korean–Vietnamese interpreter sits at this table.' : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return calendar.toString();
}

/** A printable agenda: one page per company, with the forum, its time zone, times, tables and counterparts. */
export function agendaPdf(forum: Forum, agendas: CompanyAgenda[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ pdfVersion: '1.7', size: 'A4', margin: 50, autoFirstPage: false, info: { Title: `${forum.name} – agendas` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const { company, entries } of agendas.length ? agendas : [{ company: null, entries: [] }]) {
      doc.addPage();
      doc.fontSize(18).text(forum.name);
      doc.fontSize(10).fillColor('#555').text(`${forum.venue ? `${forum.venue} · ` : ''}Times in ${forum.timeZone}`);
      doc.moveDown();
      doc.fillColor('#000').fontSize(14).text(company ? `Agenda of ${company.name} (${company.country})` : 'No agenda');
      doc.moveDown(0.5);
      if (entries.length === 0) doc.fontSize(11).text('No meetings in the published schedule.');
      let day = '';
      for (const entry of entries) {
        const date = localDateTime(entry.slot.startsAt, forum.timeZone).slice(0, 10);
        if (date !== day) {
          day = date;
          doc.moveDown(0.3).fontSize(12).text(date, { underline: true });
        }
        const time = `${localClock(entry.slot.startsAt, forum.timeZone)}–${localClock(entry.slot.endsAt, forum.timeZone)}`;
        const table = `Table ${entry.table.label}${entry.table.interpreter ? ' (interpreter)' : ''}`;
        doc.fontSize(11).text(`${time}   ${table}   ${entry.counterpart.name} (${entry.counterpart.country})`);
      }
    }
    doc.end();
  });
}

const CSV_HEADER = ['slot_start', 'slot_end', 'table', 'interpreter', 'company_a', 'company_a_country', 'company_b', 'company_b_country', 'pinned', 'meeting_id'];

/** The whole schedule, one row per meeting; times on the forum's clock. */
export function scheduleCsv(forum: Forum, entries: AgendaEntry[]): string {
  const rows = entries.map((entry) => {
    const a = entry.meeting.companyA!;
    const b = entry.meeting.companyB!;
    return [
      localDateTime(entry.slot.startsAt, forum.timeZone),
      localDateTime(entry.slot.endsAt, forum.timeZone),
      entry.table.label,
      entry.table.interpreter ? 'yes' : 'no',
      a.name,
      a.country,
      b.name,
      b.country,
      entry.meeting.pinned ? 'yes' : 'no',
      entry.meeting.id,
    ];
  });
  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // Quote when needed; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
