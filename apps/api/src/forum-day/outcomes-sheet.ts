import ExcelJS from 'exceljs';
import { exportsT, localDateTime, type Language } from '@forum/common';
import type { ForumOutcomesData, OutcomeRow, OutcomeTotals } from './outcomes.service';

/**
 * The outcomes workbook: one row per meeting (planned, freed and re-filled)
 * with both companies' reported interest, status and expected value — the
 * shape of the consultation logs (상담일지) funders collect — then the
 * report's totals: summary, by side, by sector, over time. Companies' notes
 * are never in it.
 */
export async function outcomesXlsx(forum: { name: string; timeZone: string }, rows: OutcomeRow[], report: ForumOutcomesData, language: Language): Promise<Buffer> {
  const t = exportsT(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Forum Matchmaker';
  workbook.title = forum.name;

  const log = workbook.addWorksheet(t('outcomes.sheet.meetings'));
  const column = (key: string, width: number, numFmt?: string) => ({ header: t(`outcomes.column.${key}`), width, ...(numFmt ? { style: { numFmt } } : {}) });
  log.columns = [
    column('no', 6),
    column('date', 11),
    column('time', 7),
    column('table', 7),
    column('company1', 30),
    column('country1', 9),
    column('sector1', 18),
    column('company2', 30),
    column('country2', 9),
    column('sector2', 18),
    column('attendance', 14),
    column('absent', 24),
    column('refilled', 9),
    column('interest1', 12),
    column('status1', 16),
    column('value1', 16, '#,##0.##'),
    column('currency1', 9),
    column('interest2', 12),
    column('status2', 16),
    column('value2', 16, '#,##0.##'),
    column('currency2', 9),
  ];
  rows.forEach((row, i) => {
    const [date, time] = localDateTime(row.startsAt, forum.timeZone).slice(0, 16).split('T');
    // The first side first (KR before VN), so each column holds one side on a KR–VN forum.
    const [one, two] = [...row.companies].sort((a, b) => (a.side ?? '').localeCompare(b.side ?? '') || a.name.localeCompare(b.name));
    const outcome = (company: OutcomeRow['companies'][number] | undefined) => {
      const o = company?.outcome;
      return o ? [t(`outcomes.interest.${o.interest}`), t(`outcomes.status.${o.status}`), o.valueAmount ?? null, o.currency ?? ''] : ['', '', null, ''];
    };
    log.addRow([
      i + 1,
      date,
      time,
      row.table,
      one?.name ?? '',
      one?.country ?? '',
      one?.sectors.join(', ') ?? '',
      two?.name ?? '',
      two?.country ?? '',
      two?.sectors.join(', ') ?? '',
      t(`outcomes.attendance.${row.attendance ?? 'NONE'}`),
      row.companies.find((company) => company.id === row.absentCompanyId)?.name ?? '',
      row.refilled ? t('yes') : '',
      ...outcome(one),
      ...outcome(two),
    ]);
  });
  log.getRow(1).font = { bold: true };
  log.views = [{ state: 'frozen', ySplit: 1 }];
  if (rows.length) log.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: log.columns.length } };

  const summary = workbook.addWorksheet(t('outcomes.sheet.summary'));
  summary.columns = [{ header: t('outcomes.column.figure'), width: 36 }, { header: t('outcomes.column.count'), width: 16, style: { numFmt: '#,##0.##' } }];
  const figures: [string, number][] = [
    [t('outcomes.summary.planned'), report.planned],
    [t('outcomes.summary.held'), report.held],
    [t('outcomes.summary.noShows'), report.noShows],
    ...report.noShowsBySide.map(({ side, count }): [string, number] => [t('outcomes.summary.noShowsOf', { side }), count]),
    [t('outcomes.summary.freed'), report.freed],
    [t('outcomes.summary.refilled'), report.refilled],
    [t('outcomes.summary.unmarked'), report.unmarked],
    [t('outcomes.summary.reported'), report.totals.reported],
    [t('outcomes.column.strongInterest'), report.totals.strongInterest],
    [t('outcomes.column.inDiscussion'), report.totals.inDiscussion],
    [t('outcomes.column.mou'), report.totals.mou],
    [t('outcomes.column.signed'), report.totals.signed],
    ...report.totals.values.map(({ currency, amount }): [string, number] => [t('outcomes.summary.value', { currency }), amount]),
  ];
  for (const figure of figures) summary.addRow(figure);
  summary.getRow(1).font = { bold: true };

  const currencies = [...new Set([report.totals, ...report.rounds].flatMap((totals) => totals.values.map((value) => value.currency)))].sort();
  const totalsSheet = (name: string, first: { header: string; width: number }[], groups: OutcomeTotals[], lead: (totals: OutcomeTotals, i: number) => (string | number)[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [
      ...first,
      ...['meetings', 'reported', 'strongInterest', 'inDiscussion', 'mou', 'signed'].map((key) => ({ header: t(`outcomes.column.${key}`), width: 14 })),
      ...currencies.map((currency) => ({ header: t('outcomes.summary.value', { currency }), width: 20, style: { numFmt: '#,##0.##' } })),
    ];
    groups.forEach((totals, i) =>
      sheet.addRow([
        ...lead(totals, i),
        totals.meetings,
        totals.reported,
        totals.strongInterest,
        totals.inDiscussion,
        totals.mou,
        totals.signed,
        ...currencies.map((currency) => totals.values.find((value) => value.currency === currency)?.amount ?? 0),
      ]),
    );
    sheet.getRow(1).font = { bold: true };
  };
  const group = [{ header: t('outcomes.column.group'), width: 24 }];
  totalsSheet(t('outcomes.sheet.sides'), group, report.bySide, (totals) => [totals.key]);
  totalsSheet(t('outcomes.sheet.sectors'), group, report.bySector, (totals) => [totals.key]);
  totalsSheet(
    t('outcomes.sheet.rounds'),
    [{ header: t('outcomes.column.round'), width: 14 }, { header: t('outcomes.column.months'), width: 12 }],
    report.rounds,
    (_totals, i) => [i === 0 ? t('outcomes.summary.forumDay') : report.rounds[i].round, report.rounds[i].months],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
