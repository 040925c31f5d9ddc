import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@forum/common';
import { Company, Forum, ForumTable, FreedMeeting, isUniqueViolation, Slot, Meeting, MeetingParticipant, Registration, RefillProposal, Schedule, type ProposedMeeting } from '@forum/db';
import { buildRefillInstance, loadForumSnapshot, pairKey, solveInThread, solveRefill, type RefillSolver } from '@forum/scheduling';
import { BadInputError, ConflictError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import type { Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';
import { tellAgendaChange } from '../scheduling/tell-agenda-change';
import type { RefillParts } from './models/refill.model';

/** How long the matcher may search for a proposal, both stages (the floor waits for it). */
const REFILL_TIME_LIMIT_MS = 1200;

/**
 * The forum day's second chance: a company marked absent frees its remaining
 * meetings; a re-fill proposes new meetings for the partners left waiting
 * (and anyone else on the floor with a free slot), which the organiser
 * applies to the published schedule without moving anyone else's meeting.
 */
@Injectable()
export class RefillService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forums: ForumsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Marks a company absent from a slot to the end of that day: its meetings
   * there that were not held are taken off the schedule (kept as freed
   * meetings for the report) and both sides are told. Marking again frees
   * nothing more; an earlier slot moves the absence earlier.
   */
  async markAbsent(principal: Principal, forumId: string, companyId: string, fromSlotId: string): Promise<Meeting[]> {
    const forum = await this.forums.findOwned(principal, forumId);
    return this.dataSource.transaction(async (manager) => {
      const { schedule, window, day } = await this.lockFloor(manager, forum.id, fromSlotId);
      const registration = isId(companyId) ? await manager.getRepository(Registration).findOneBy({ forumId: forum.id, companyId, status: 'APPROVED' }) : null;
      if (!registration) throw new NotFoundError('Registration', companyId);
      // Absent from the earlier of the two slots when marked twice on one day.
      const marked = registration.absentFromSlotId ? day.indexOf(registration.absentFromSlotId) : -1;
      if (marked === -1 || marked > day.indexOf(window[0])) await manager.getRepository(Registration).update({ id: registration.id }, { absentFromSlotId: window[0] });
      const freed = await manager
        .getRepository(Meeting)
        .createQueryBuilder('meeting')
        .where('meeting.scheduleId = :scheduleId AND meeting.slotId IN (:...window)', { scheduleId: schedule.id, window })
        .andWhere('(meeting.companyAId = :companyId OR meeting.companyBId = :companyId)', { companyId })
        .andWhere("meeting.attendance IS DISTINCT FROM 'HELD'")
        .setLock('pessimistic_write')
        .getMany();
      if (freed.length === 0) return [];
      await manager.getRepository(FreedMeeting).insert(
        freed.map((meeting) => ({
          forumId: forum.id,
          meetingId: meeting.id,
          scheduleId: schedule.id,
          slotId: meeting.slotId,
          tableId: meeting.tableId,
          companyAId: meeting.companyAId,
          companyBId: meeting.companyBId,
          absentCompanyId: companyId,
        })),
      );
      for (const meeting of freed) {
        await tellAgendaChange(manager, this.config.notifyBatchMs, forum.id, meeting, 'CANCELLED', { slotId: meeting.slotId, tableId: meeting.tableId }, null);
      }
      await manager.getRepository(Meeting).delete(freed.map((meeting) => meeting.id));
      return freed;
    });
  }

  /**
   * Runs the matcher's incremental mode on what is left of the day (see
   * buildRefillInstance) and stores the proposal; nothing changes on the
   * schedule until it is applied.
   */
  async propose(principal: Principal, forumId: string, fromSlotId: string): Promise<RefillProposal> {
    const forum = await this.forums.findOwned(principal, forumId);
    const { snapshot, schedule, window } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { schedule, window, day } = await this.floorOf(manager, forum.id, fromSlotId);
      const snapshot = await loadForumSnapshot(manager, forum.id, true);
      const floor: { companyId: string; checkedIn: boolean; absentFromSlotId: string | null }[] = await manager.query(
        `SELECT company_id AS "companyId", checked_in_at IS NOT NULL AS "checkedIn", absent_from_slot_id AS "absentFromSlotId" FROM registration WHERE forum_id = $1 AND status = 'APPROVED'`,
        [forum.id],
      );
      const freed = await manager.getRepository(FreedMeeting).find({ where: { forumId: forum.id, scheduleId: schedule.id, slotId: In(window) } });
      const onFloor = floor.map((row) => ({ ...row, absentFromSlotId: absentInWindow(day, window, row.absentFromSlotId) }));
      return { snapshot: { ...snapshot, window, freed, floor: new Map(onFloor.map((row) => [row.companyId, row])) }, schedule, window };
    });
    const started = Date.now();
    const refill = buildRefillInstance(snapshot);
    const solver: RefillSolver = (instance, options) => solveInThread(instance, options, () => undefined).result;
    const solution = await solveRefill(refill, solver, REFILL_TIME_LIMIT_MS);
    const weights = new Map(refill.instance.pairs.map((pair) => [pairKey(pair.a, pair.b), pair.weight]));
    const tableOrder = new Map(snapshot.tables.map((table, i) => [table.id, i]));
    const inOrder = [...solution.meetings].sort((x, y) => window.indexOf(x.slot) - window.indexOf(y.slot) || tableOrder.get(x.table)! - tableOrder.get(y.table)!);
    const meetings: ProposedMeeting[] = inOrder.map((meeting) => {
      const [a, b] = meeting.a < meeting.b ? [meeting.a, meeting.b] : [meeting.b, meeting.a];
      return { id: randomUUID(), companyAId: a, companyBId: b, slotId: meeting.slot, tableId: meeting.table, weight: weights.get(pairKey(a, b)) ?? 0, ...refill.reasons.get(pairKey(a, b))! };
    });
    const bound = solution.bound;
    const taken = new Set(meetings.flatMap((m) => [`${m.companyAId}@${m.slotId}`, `${m.companyBId}@${m.slotId}`]));
    const unfilled = refill.waiting.filter((place) => !taken.has(`${place.companyId}@${place.slotId}`));
    return this.dataSource.getRepository(RefillProposal).save({
      forumId: forum.id,
      scheduleId: schedule.id,
      fromSlotId: window[0],
      meetings,
      weight: meetings.reduce((sum, meeting) => sum + meeting.weight, 0),
      bound,
      unfilled,
      solveMs: Date.now() - started,
      appliedAt: null,
    });
  }

  async findProposal(principal: Principal, id: string): Promise<RefillProposal> {
    const proposal = isId(id) ? await this.dataSource.getRepository(RefillProposal).findOneBy({ id }) : null;
    if (!proposal) throw new NotFoundError('Refill proposal', id);
    await this.forums.findOwned(principal, proposal.forumId).catch(() => {
      throw new NotFoundError('Refill proposal', id);
    });
    return proposal;
  }

  /** The slots, tables and companies a proposal names, for its GraphQL model. */
  async partsOf(proposal: RefillProposal): Promise<RefillParts> {
    const companyIds = [...new Set([...proposal.meetings.flatMap((m) => [m.companyAId, m.companyBId]), ...proposal.unfilled.map((place) => place.companyId)])];
    const [forum, slots, tables, companies] = await Promise.all([
      this.dataSource.getRepository(Forum).findOneByOrFail({ id: proposal.forumId }),
      this.dataSource.getRepository(Slot).findBy({ forumId: proposal.forumId }),
      this.dataSource.getRepository(ForumTable).findBy({ forumId: proposal.forumId }),
      companyIds.length ? this.dataSource.getRepository(Company).findBy({ id: In(companyIds) }) : [],
    ]);
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
    return { timeZone: forum.timeZone, slots: byId(slots), tables: byId(tables), companies: byId(companies) };
  }

  /**
   * Adds the chosen meetings of a proposal (all when none are named) to the
   * published schedule in one transaction. Refused with CONFLICT, changing
   * nothing, when the floor changed meanwhile: the schedule was republished,
   * a company is no longer free or present in that slot, the table was taken.
   */
  async apply(principal: Principal, proposalId: string, meetingIds?: string[] | null): Promise<Schedule> {
    const proposal = await this.findProposal(principal, proposalId);
    const chosen = meetingIds ? meetingIds.map((id) => proposal.meetings.find((meeting) => meeting.id === id)) : proposal.meetings;
    const unknown = meetingIds?.filter((_id, i) => !chosen[i]);
    if (unknown?.length) throw new BadInputError(`meetingIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in this proposal`);
    if (chosen.length === 0) throw new BadInputError('meetingIds: choose at least one meeting (this proposal has none)');
    const meetings = chosen as ProposedMeeting[];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { schedule, window, day } = await this.lockFloor(manager, proposal.forumId, proposal.fromSlotId);
        const locked = await manager.getRepository(RefillProposal).createQueryBuilder('p').where('p.id = :id', { id: proposal.id }).setLock('pessimistic_write').getOneOrFail();
        if (locked.appliedAt) throw new ConflictError('This proposal was applied already; propose again for what is left');
        if (schedule.id !== proposal.scheduleId) throw new ConflictError('A new schedule was published since this proposal; propose again');
        const companies = [...new Set(meetings.flatMap((meeting) => [meeting.companyAId, meeting.companyBId]))];
        const registrations: { companyId: string; absentFromSlotId: string | null }[] = await manager.query(
          `SELECT company_id AS "companyId", absent_from_slot_id AS "absentFromSlotId" FROM registration WHERE forum_id = $1 AND company_id = ANY($2::uuid[]) AND status = 'APPROVED'`,
          [proposal.forumId, companies],
        );
        const absentFrom = new Map(registrations.map((row) => [row.companyId, window.indexOf(absentInWindow(day, window, row.absentFromSlotId) ?? '')]));
        const busy: { companyId: string; slotId: string }[] = await manager.query(
          'SELECT company_id AS "companyId", slot_id AS "slotId" FROM meeting_participant WHERE schedule_id = $1 AND company_id = ANY($2::uuid[])',
          [schedule.id, companies],
        );
        const busyAt = new Set(busy.map((row) => `${row.companyId}@${row.slotId}`));
        const tables = new Set(
          ((await manager.query('SELECT slot_id, table_id FROM meeting WHERE schedule_id = $1', [schedule.id])) as { slot_id: string; table_id: string }[]).map((row) => `${row.table_id}@${row.slot_id}`),
        );
        const met = new Set(
          ((await manager.query('SELECT company_a_id, company_b_id FROM meeting WHERE schedule_id = $1 AND (company_a_id = ANY($2::uuid[]) OR company_b_id = ANY($2::uuid[]))', [schedule.id, companies])) as {
            company_a_id: string;
            company_b_id: string;
          }[]).map((row) => pairKey(row.company_a_id, row.company_b_id)),
        );
        for (const meeting of meetings) {
          const slot = window.indexOf(meeting.slotId);
          for (const companyId of [meeting.companyAId, meeting.companyBId]) {
            const absent = absentFrom.get(companyId);
            if (absent === undefined) throw new ConflictError('A company of this proposal is no longer registered; propose again');
            if (absent !== -1 && slot >= absent) throw new ConflictError('A company of this proposal was marked absent since; propose again');
            if (busyAt.has(`${companyId}@${meeting.slotId}`)) throw new ConflictError('A company of this proposal has a meeting in that slot now; propose again');
            busyAt.add(`${companyId}@${meeting.slotId}`);
          }
          if (tables.has(`${meeting.tableId}@${meeting.slotId}`)) throw new ConflictError('A table of this proposal was taken since; propose again');
          tables.add(`${meeting.tableId}@${meeting.slotId}`);
          if (met.has(pairKey(meeting.companyAId, meeting.companyBId))) throw new ConflictError('A pair of this proposal meets already; propose again');
        }
        const rows = meetings.map((meeting) => ({
          id: meeting.id,
          scheduleId: schedule.id,
          slotId: meeting.slotId,
          tableId: meeting.tableId,
          companyAId: meeting.companyAId,
          companyBId: meeting.companyBId,
          pinned: true,
          weight: meeting.weight,
          refillProposalId: proposal.id,
        }));
        await manager.getRepository(Meeting).insert(rows);
        await manager
          .getRepository(MeetingParticipant)
          .insert(rows.flatMap((row) => [row.companyAId, row.companyBId].map((companyId) => ({ meetingId: row.id, companyId, scheduleId: schedule.id, slotId: row.slotId }))));
        for (const row of rows) {
          await tellAgendaChange(manager, this.config.notifyBatchMs, proposal.forumId, { ...row, sequence: 0 }, 'ADDED', null, { slotId: row.slotId, tableId: row.tableId });
        }
        await manager.getRepository(RefillProposal).update({ id: proposal.id }, { appliedAt: new Date() });
        return schedule;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('The floor changed while applying (a slot or table was taken); propose again');
      throw error;
    }
  }

  /**
   * The published schedule and the rest of the day from a slot, the forum row
   * locked so that changes to the floor take turns. FOR NO KEY UPDATE, not FOR
   * UPDATE: the outbox rows other transactions write reference the forum (a
   * KEY SHARE lock), and an organiser's move writing its messages while this
   * waits on the move's meeting would otherwise deadlock (found by the test
   * that races a re-fill against a move).
   */
  private async lockFloor(manager: EntityManager, forumId: string, fromSlotId: string) {
    await manager.query('SELECT id FROM forum WHERE id = $1 FOR NO KEY UPDATE', [forumId]);
    return this.floorOf(manager, forumId, fromSlotId);
  }

  /** `day`: every slot of the day `fromSlotId` is on; `window`: from that slot on. */
  private async floorOf(manager: EntityManager, forumId: string, fromSlotId: string): Promise<{ schedule: Schedule; window: string[]; day: string[] }> {
    const schedule = await manager.getRepository(Schedule).findOneBy({ forumId, status: 'PUBLISHED' });
    if (!schedule) throw new ConflictError('This forum has no published schedule');
    const day: { id: string }[] = isId(fromSlotId)
      ? await manager.query(
          `SELECT s.id FROM slot s JOIN slot f ON f.id = $2 AND f.forum_id = s.forum_id JOIN forum fo ON fo.id = s.forum_id
            WHERE s.forum_id = $1 AND (s.starts_at AT TIME ZONE fo.time_zone)::date = (f.starts_at AT TIME ZONE fo.time_zone)::date
            ORDER BY s.starts_at`,
          [forumId, fromSlotId],
        )
      : [];
    const from = day.findIndex((row) => row.id === fromSlotId);
    if (from === -1) throw new BadInputError(`fromSlotId: ${fromSlotId} is not a slot of this forum`);
    return { schedule, window: day.slice(from).map((row) => row.id), day: day.map((row) => row.id) };
  }
}

/** A company's absence as the window sees it: the window's slot it starts at (its first when it started earlier that day), or null (present all window). */
function absentInWindow(day: string[], window: string[], absentFromSlotId: string | null): string | null {
  const at = absentFromSlotId ? day.indexOf(absentFromSlotId) : -1;
  if (at === -1) return null;
  return window[Math.max(0, at - day.indexOf(window[0]))];
}
