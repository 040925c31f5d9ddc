import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeetingOutcome, OutcomeRound, returned, type OutcomeCurrency, type OutcomeInterest, type OutcomeStatus } from '@forum/db';
import { notifyOutcomeFollowUp } from '@forum/notifications';
import { BadInputError, ConflictError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import type { Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';

export interface OutcomeInputData {
  interest: OutcomeInterest;
  status: OutcomeStatus;
  valueAmount?: number | null;
  currency?: OutcomeCurrency | null;
  note?: string | null;
}

/** One meeting of the published schedule (or freed from it) with what each side reported, as the report and its XLSX read it. */
export interface OutcomeRow {
  meetingId: string;
  startsAt: Date;
  table: string;
  attendance: 'HELD' | 'NO_SHOW' | 'FREED' | null;
  absentCompanyId: string | null;
  refilled: boolean;
  companies: { id: string; name: string; country: string; side: string | null; sectors: string[]; outcome: Omit<OutcomeInputData, 'note'> | null }[];
}

export interface ValueTotal {
  currency: OutcomeCurrency;
  amount: number;
}

/** Outcome totals of a group (a side, a sector, a round): what the reporting companies said, latest round first. */
export interface OutcomeTotals {
  key: string;
  meetings: number;
  reported: number;
  strongInterest: number;
  inDiscussion: number;
  mou: number;
  signed: number;
  values: ValueTotal[];
}

export interface ForumOutcomesData {
  planned: number;
  held: number;
  noShows: number;
  unmarked: number;
  refilled: number;
  freed: number;
  noShowsBySide: { side: string; count: number }[];
  totals: OutcomeTotals;
  bySide: OutcomeTotals[];
  bySector: OutcomeTotals[];
  rounds: (OutcomeTotals & { round: number; months: number })[];
}

const NOTE_MAX = 2000;

/**
 * After a meeting each company records its own outcome (interest, expected
 * value, status, a private note); the organiser reads statuses and values,
 * never notes, and can ask for follow-ups (rounds) months later.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forums: ForumsService,
  ) {}

  async record(principal: Principal, meetingId: string, input: OutcomeInputData): Promise<MeetingOutcome> {
    const companyId = principal.companyId;
    const [meeting]: { forumId: string; status: string }[] =
      isId(meetingId) && companyId
        ? await this.dataSource.query(
            `SELECT s.forum_id AS "forumId", s.status FROM meeting m JOIN schedule s ON s.id = m.schedule_id WHERE m.id = $1 AND $2 IN (m.company_a_id, m.company_b_id)`,
            [meetingId, companyId],
          )
        : [];
    if (!meeting) throw new NotFoundError('Meeting', meetingId);
    if (meeting.status !== 'PUBLISHED') throw new ConflictError('Outcomes are recorded for meetings of the published schedule');
    const value = input.valueAmount ?? null;
    const currency = input.currency ?? null;
    if (value !== null && (!Number.isFinite(value) || value < 0 || value >= 1e15)) throw new BadInputError('valueAmount: a amount from 0 up');
    if ((value === null) !== (currency === null)) throw new BadInputError(value === null ? 'valueAmount: give the amount with its currency' : 'currency: give the currency of the amount');
    const note = input.note?.trim() || null;
    if (note && note.length > NOTE_MAX) throw new BadInputError(`note: at most ${NOTE_MAX} characters`);
    const [row] = returned<{ id: string }>(
      await this.dataSource.query(
        `INSERT INTO meeting_outcome (meeting_id, company_id, round, interest, status, value_amount, currency, note)
         VALUES ($1, $2, (SELECT coalesce(max(round), 0) FROM outcome_round WHERE forum_id = $3), $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT meeting_outcome_meeting_company_round_unique
         DO UPDATE SET interest = EXCLUDED.interest, status = EXCLUDED.status, value_amount = EXCLUDED.value_amount, currency = EXCLUDED.currency, note = EXCLUDED.note, updated_at = now()
         RETURNING id`,
        [meetingId, companyId, meeting.forumId, input.interest, input.status, value, currency, note],
      ),
    );
    return this.dataSource.getRepository(MeetingOutcome).findOneByOrFail({ id: row.id });
  }

  /** The caller's company's outcomes in a forum: per meeting, the latest round it reported. */
  async mine(principal: Principal, forumId: string): Promise<MeetingOutcome[]> {
    if (!principal.companyId || !isId(forumId)) return [];
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (o.meeting_id) o.id FROM meeting_outcome o
         JOIN meeting m ON m.id = o.meeting_id JOIN schedule s ON s.id = m.schedule_id AND s.status = 'PUBLISHED' AND s.forum_id = $1
        WHERE o.company_id = $2 ORDER BY o.meeting_id, o.round DESC`,
      [forumId, principal.companyId],
    );
    return ids.length ? this.dataSource.getRepository(MeetingOutcome).find({ where: ids.map(({ id }) => ({ id })) }) : [];
  }

  /** Follow-up rounds asked for: of the organiser's own forum, or of a forum the caller's company is registered for. */
  async rounds(principal: Principal, forumId: string): Promise<OutcomeRound[]> {
    if (principal.companyId) {
      const registered = isId(forumId) && (await this.dataSource.query('SELECT 1 FROM registration WHERE forum_id = $1 AND company_id = $2', [forumId, principal.companyId])).length > 0;
      if (!registered) throw new NotFoundError('Forum', forumId);
    } else {
      await this.forums.findOwned(principal, forumId);
    }
    return this.dataSource.getRepository(OutcomeRound).find({ where: { forumId }, order: { round: 'ASC' } });
  }

  /** Opens the next round and tells every company with meetings. */
  async requestFollowUp(principal: Principal, forumId: string, months: number): Promise<OutcomeRound> {
    const forum = await this.forums.findOwned(principal, forumId);
    if (!Number.isInteger(months) || months < 1 || months > 36) throw new BadInputError('months: a whole number of months from 1 to 36');
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM forum WHERE id = $1 FOR NO KEY UPDATE', [forum.id]);
      const published = await manager.query(`SELECT 1 FROM schedule WHERE forum_id = $1 AND status = 'PUBLISHED'`, [forum.id]);
      if (!published.length) throw new ConflictError('This forum has no published schedule: nothing to follow up');
      const [{ next }] = await manager.query('SELECT coalesce(max(round), 0)::int + 1 AS next FROM outcome_round WHERE forum_id = $1', [forum.id]);
      const round = await manager.getRepository(OutcomeRound).save({ forumId: forum.id, round: next, months });
      await notifyOutcomeFollowUp(manager, forum.id, months);
      return round;
    });
  }

  /** Every meeting of the published schedule and every freed one, with both sides' latest outcomes (no notes). */
  async rows(principal: Principal, forumId: string, upToRound = 32767): Promise<{ forum: { name: string; timeZone: string }; rows: OutcomeRow[] }> {
    const forum = await this.forums.findOwned(principal, forumId);
    const raw: {
      meetingId: string;
      startsAt: Date;
      table: string;
      attendance: OutcomeRow['attendance'];
      absentCompanyId: string | null;
      refilled: boolean;
      companies: { id: string; name: string; country: string; side: string | null; sectors: string[]; outcome: (Omit<OutcomeInputData, 'note'> & { valueAmount: string | number | null }) | null }[];
    }[] = await this.dataSource.query(
      `WITH published AS (SELECT id FROM schedule WHERE forum_id = $1 AND status = 'PUBLISHED'),
       meetings AS (
         SELECT m.id, m.slot_id, m.table_id, m.company_a_id, m.company_b_id, m.attendance, m.absent_company_id, m.refill_proposal_id IS NOT NULL AS refilled
           FROM meeting m WHERE m.schedule_id IN (SELECT id FROM published)
         UNION ALL
         SELECT fm.meeting_id, fm.slot_id, fm.table_id, fm.company_a_id, fm.company_b_id, 'FREED', fm.absent_company_id, false
           FROM freed_meeting fm WHERE fm.schedule_id IN (SELECT id FROM published))
       SELECT m.id AS "meetingId", sl.starts_at AS "startsAt", t.label AS "table", m.attendance, m.absent_company_id AS "absentCompanyId", m.refilled,
              (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'country', c.country, 'side', r.side, 'sectors', c.sectors,
                        'outcome', (SELECT json_build_object('interest', o.interest, 'status', o.status, 'valueAmount', o.value_amount, 'currency', o.currency)
                                      FROM meeting_outcome o WHERE o.meeting_id = m.id AND o.company_id = c.id AND o.round <= $2 ORDER BY o.round DESC LIMIT 1))
                        ORDER BY c.id)
                 FROM company c LEFT JOIN registration r ON r.company_id = c.id AND r.forum_id = $1
                WHERE c.id IN (m.company_a_id, m.company_b_id)) AS companies
         FROM meetings m JOIN slot sl ON sl.id = m.slot_id JOIN forum_table t ON t.id = m.table_id
        ORDER BY sl.starts_at, t.number`,
      [forum.id, upToRound],
    );
    const rows = raw.map((row) => ({
      ...row,
      startsAt: new Date(row.startsAt),
      companies: row.companies.map((company) => ({
        ...company,
        outcome: company.outcome && { ...company.outcome, valueAmount: company.outcome.valueAmount === null ? null : Number(company.outcome.valueAmount) },
      })),
    }));
    return { forum: { name: forum.name, timeZone: forum.timeZone }, rows };
  }

  /** The organiser's outcomes report: attendance, re-fills, and what the companies reported, overall, by side, by sector and by round. */
  async report(principal: Principal, forumId: string): Promise<ForumOutcomesData> {
    return (await this.reportWithRows(principal, forumId)).report;
  }

  /** The report and the rows it was computed from (the XLSX has both), read once. */
  async reportWithRows(principal: Principal, forumId: string): Promise<{ forum: { name: string; timeZone: string }; rows: OutcomeRow[]; report: ForumOutcomesData }> {
    const { forum, rows } = await this.rows(principal, forumId);
    const rounds = await this.rounds(principal, forumId);
    const noShowsBySide = new Map<string, number>();
    let held = 0;
    let noShows = 0;
    let freed = 0;
    for (const row of rows) {
      if (row.attendance === 'HELD') held++;
      if (row.attendance === 'NO_SHOW' || row.attendance === 'FREED') {
        noShows++;
        const side = row.companies.find((company) => company.id === row.absentCompanyId)?.side ?? '—';
        noShowsBySide.set(side, (noShowsBySide.get(side) ?? 0) + 1);
      }
      if (row.attendance === 'FREED') freed++;
    }
    const refilled = rows.filter((row) => row.refilled).length;
    // How the reports stood at each round: the forum day (0), then each follow-up.
    const latest = rounds.at(-1)?.round ?? 0;
    const asOf = async (round: number) => (round >= latest ? rows : (await this.rows(principal, forumId, round)).rows);
    const history = [];
    for (const { round, months } of [{ round: 0, months: 0 }, ...rounds]) history.push({ ...totalsOf(`round ${round}`, await asOf(round), () => true), round, months });
    const report: ForumOutcomesData = {
      planned: rows.length - refilled,
      held,
      noShows,
      unmarked: rows.length - held - noShows,
      refilled,
      freed,
      noShowsBySide: [...noShowsBySide].map(([side, count]) => ({ side, count })).sort((a, b) => a.side.localeCompare(b.side)),
      totals: totalsOf('all', rows, () => true),
      bySide: groups(rows, (company) => [company.side ?? '—']),
      bySector: groups(rows, (company) => (company.sectors.length ? company.sectors : ['—'])),
      rounds: history,
    };
    return { forum, rows, report };
  }
}

type RowCompany = OutcomeRow['companies'][number];

/** Totals over the companies of the rows that `belongs` accepts (each company's own report). */
function totalsOf(key: string, rows: OutcomeRow[], belongs: (company: RowCompany) => boolean): OutcomeTotals {
  const totals: OutcomeTotals = { key, meetings: 0, reported: 0, strongInterest: 0, inDiscussion: 0, mou: 0, signed: 0, values: [] };
  const values = new Map<OutcomeCurrency, number>();
  for (const row of rows) {
    const members = row.companies.filter(belongs);
    if (members.length === 0) continue;
    totals.meetings++;
    for (const company of members) {
      const outcome = company.outcome;
      if (!outcome) continue;
      totals.reported++;
      if (outcome.interest === 'STRONG') totals.strongInterest++;
      if (outcome.status === 'IN_DISCUSSION') totals.inDiscussion++;
      if (outcome.status === 'MOU') totals.mou++;
      if (outcome.status === 'CONTRACT_SIGNED') totals.signed++;
      if (outcome.currency && outcome.valueAmount !== null && outcome.valueAmount !== undefined) values.set(outcome.currency, (values.get(outcome.currency) ?? 0) + outcome.valueAmount);
    }
  }
  totals.values = [...values].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })).sort((a, b) => a.currency.localeCompare(b.currency));
  return totals;
}

function groups(rows: OutcomeRow[], keysOf: (company: RowCompany) => string[]): OutcomeTotals[] {
  const keys = [...new Set(rows.flatMap((row) => row.companies.flatMap(keysOf)))].sort();
  return keys.map((key) => totalsOf(key, rows, (company) => keysOf(company).includes(key)));
}
