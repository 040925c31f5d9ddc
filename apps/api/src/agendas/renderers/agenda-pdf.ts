import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { exportsT, localDateTime, type Language } from '@forum/common';
import type { AgendaEntry, AgendaForum } from '../agenda.query';
import type { CompanyAgenda } from '../agendas.service';

/**
 * Noto Sans KR (SIL Open Font License) covers Hangul, Latin and every
 * precomposed Vietnamese letter, so one font prints names of both
 * delegations; pdfkit embeds only the glyphs a document uses.
 */
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-kr';
const REGULAR = require.resolve(`${FONT_PACKAGE}/400Regular/NotoSansKR_400Regular.ttf`);
const BOLD = require.resolve(`${FONT_PACKAGE}/700Bold/NotoSansKR_700Bold.ttf`);

const MARGIN = 40;
const QR_SIZE = 78;
const GREY = '#5f6368';
const RULE = '#d0d4d9';
const HEAD_FILL = '#eef1f4';

interface Column {
  key: 'time' | 'table' | 'counterpart' | 'delegates';
  width: number;
}

/** The agenda's web address for each page's QR code, e.g. https://forum.example/forums/<id>/agenda. */
export type AgendaLink = (forum: AgendaForum) => string;

/**
 * A printable agenda, one section per company (a new page each): header with
 * forum, venue, days and time zone; a QR code of the online agenda; per day a
 * table of time, table (interpreter marked), counterpart and its delegates;
 * page numbers. Text is NFC-normalised (Vietnamese typed with combining marks
 * prints as the font's precomposed letters).
 */
export async function agendaPdf(forum: AgendaForum, agendas: CompanyAgenda[], language: Language, link: AgendaLink, printedAt = new Date()): Promise<Buffer> {
  const t = exportsT(language);
  const qr = await QRCode.toBuffer(link(forum), { type: 'png', margin: 1, width: QR_SIZE * 3, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    lang: language,
    info: { Title: nfc(`${forum.name} – ${t('agendaOf', { company: agendas.length === 1 ? agendas[0].company.name : '' }).trim()}`), Creator: 'Forum Matchmaker' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = () => doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 24;
  const dateFormat = new Intl.DateTimeFormat(language, { timeZone: forum.timeZone, dateStyle: 'full' });
  const clock = (date: Date) => localDateTime(date, forum.timeZone).slice(11, 16);
  const dayKey = (date: Date) => localDateTime(date, forum.timeZone).slice(0, 10);

  const header = async (company: CompanyAgenda['company'] | null, entries: readonly AgendaEntry[], checkInCode?: string) => {
    doc.addPage();
    doc.image(qr, doc.page.width - MARGIN - QR_SIZE, MARGIN, { width: QR_SIZE });
    doc.font('regular').fontSize(7).fillColor(GREY).text(t('agendaOnline'), doc.page.width - MARGIN - QR_SIZE, MARGIN + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
    let textWidth = width() - QR_SIZE - 16;
    if (checkInCode) {
      // The check-in desk scans this one (it holds the code only).
      const left = doc.page.width - MARGIN - 2 * QR_SIZE - 12;
      doc.image(await QRCode.toBuffer(checkInCode, { type: 'png', margin: 1, width: QR_SIZE * 3, errorCorrectionLevel: 'M' }), left, MARGIN, { width: QR_SIZE });
      doc.font('bold').fontSize(7).fillColor('#000').text(t('checkInCode', { code: checkInCode }), left - 6, MARGIN + QR_SIZE + 2, { width: QR_SIZE + 12, align: 'center' });
      textWidth -= QR_SIZE + 12;
    }
    doc.font('bold').fontSize(17).fillColor('#000').text(nfc(forum.name), MARGIN, MARGIN, { width: textWidth });
    const days = [...new Set(entries.map((entry) => dayKey(entry.slot.startsAt)))].map((key) => dateFormat.format(entries.find((e) => dayKey(e.slot.startsAt) === key)!.slot.startsAt));
    const facts = [forum.venue, days.join(' · '), t('timesIn', { timeZone: forum.timeZone })].filter(Boolean).map((fact) => nfc(fact as string));
    doc.font('regular').fontSize(9.5).fillColor(GREY).text(facts.join('\n'), { width: textWidth });
    doc.moveDown(0.8);
    doc.font('bold').fontSize(14).fillColor('#000').text(company ? nfc(t('agendaOf', { company: `${company.name} (${company.country})` })) : t('noAgenda'), { width: textWidth });
    doc.font('regular').fontSize(9.5).fillColor(GREY).text(t('meetingCount', { count: entries.length }), { width: textWidth });
    doc.y = Math.max(doc.y, MARGIN + QR_SIZE + 14) + 8;
  };

  const columns: Column[] = [
    { key: 'time', width: 78 },
    { key: 'table', width: 84 },
    { key: 'counterpart', width: 190 },
    { key: 'delegates', width: 0 },
  ];
  const layout = () => {
    const rest = width() - columns.slice(0, 3).reduce((sum, column) => sum + column.width, 0);
    return columns.map((column) => ({ ...column, width: column.width || rest }));
  };
  const PAD = 4;

  const row = (cells: Record<Column['key'], string>, font: 'regular' | 'bold', fill?: string) => {
    const cols = layout();
    doc.font(font).fontSize(9.5);
    const height = Math.max(...cols.map((column) => doc.heightOfString(cells[column.key] || ' ', { width: column.width - 2 * PAD }))) + 2 * PAD;
    if (doc.y + height > bottom()) return false;
    const top = doc.y;
    if (fill) doc.rect(MARGIN, top, width(), height).fill(fill);
    let x = MARGIN;
    for (const column of cols) {
      doc.fillColor('#000').font(font).fontSize(9.5).text(cells[column.key], x + PAD, top + PAD, { width: column.width - 2 * PAD });
      x += column.width;
    }
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width(), top + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN;
    doc.y = top + height;
    return true;
  };
  const columnHeads = { time: t('column.time'), table: t('column.table'), counterpart: t('column.counterpart'), delegates: t('column.delegates') };

  for (const { company, entries, checkInCode } of agendas.length ? agendas : [{ company: null, entries: [] as AgendaEntry[], checkInCode: undefined }]) {
    await header(company, entries, checkInCode);
    if (entries.length === 0) {
      doc.font('regular').fontSize(11).fillColor('#000').text(t('noMeetings'));
      continue;
    }
    let day = '';
    for (const entry of entries) {
      const cells = {
        time: `${clock(entry.slot.startsAt)}–${clock(entry.slot.endsAt)}`,
        table: `${entry.table.label}${entry.table.interpreter ? `\n${t('interpreter')}` : ''}`,
        counterpart: nfc(`${entry.counterpart.name} (${entry.counterpart.country})`),
        delegates: nfc(entry.counterpartDelegates.map((d) => (d.title ? `${d.name}, ${d.title}` : d.name)).join('\n')),
      };
      const key = dayKey(entry.slot.startsAt);
      // A day heading and the column heads start each day, and each new page of it.
      const startDay = () => {
        doc.moveDown(0.4);
        doc.font('bold').fontSize(11.5).fillColor('#000').text(nfc(dateFormat.format(entry.slot.startsAt)), MARGIN);
        doc.moveDown(0.2);
        row(columnHeads, 'bold', HEAD_FILL);
      };
      if (key !== day) {
        day = key;
        if (doc.y + 70 > bottom()) await header(company, entries, checkInCode);
        startDay();
      }
      if (!row(cells, 'regular')) {
        await header(company, entries, checkInCode);
        startDay();
        row(cells, 'regular');
      }
    }
  }

  // Page numbers and the schedule's version at the foot of every page.
  const range = doc.bufferedPageRange();
  const footer = [forum.scheduleVersion ? t('generated', { version: forum.scheduleVersion, date: localDateTime(printedAt, forum.timeZone).slice(0, 16).replace('T', ' ') }) : ''];
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 10;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(footer[0], MARGIN, y, { width: width() / 2, lineBreak: false });
    doc.text(t('page', { page: i + 1, pages: range.count }), MARGIN + width() / 2, y, { width: width() / 2, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

function nfc(text: string): string {
  return text.normalize('NFC');
}
