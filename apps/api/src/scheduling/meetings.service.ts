import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forum/common';
import type { AgendaChange } from '@forum/notifications';
import { InjectDataSource } from '@nestjs/typeorm';
import { needsInterpreter } from '@forum/matcher';
import { DataSource, EntityManager, In } from 'typeorm';
import { Company, Delegate, Forum, ForumTable, isUniqueViolation, Meeting, MeetingParticipant, Registration, Schedule, Slot } from '@forum/db';
import { BadInputError, ConflictError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import { isOrganizer, type Principal } from '../common/principal';
import { tellAgendaChange, type MeetingAt } from './tell-agenda-change';

/**
 * The organiser's hand on a published schedule: pin a meeting (later runs keep
 * it), move it to a free slot and table, or cancel it. Every change is checked
 * against the matcher's rules, and the database's unique constraints back them up.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pin(principal: Principal, id: string, pinned: boolean): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.findPublished(manager, principal, id);
      meeting.pinned = pinned;
      return manager.getRepository(Meeting).save(meeting);
    });
  }

  async move(principal: Principal, id: string, slotId: string, tableId?: string): Promise<Meeting> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const meeting = await this.findPublished(manager, principal, id);
        const schedule = await manager.getRepository(Schedule).findOneByOrFail({ id: meeting.scheduleId });
        const { slot, table } = await this.checkPlace(manager, schedule, [meeting.companyAId, meeting.companyBId], slotId, meeting.id, tableId);
        const moved = slot.id !== meeting.slotId || table.id !== meeting.tableId;
        await manager.getRepository(Meeting).update({ id: meeting.id }, { slotId: slot.id, tableId: table.id, pinned: true, sequence: meeting.sequence + (moved ? 1 : 0) });
        if (moved) await this.tell(manager, schedule.forumId, meeting, 'MOVED', { slotId: meeting.slotId, tableId: meeting.tableId }, { slotId: slot.id, tableId: table.id });
        return manager.getRepository(Meeting).findOneByOrFail({ id: meeting.id });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('That slot or table was taken meanwhile; try again');
      throw error;
    }
  }

  /**
   * The organiser adds a meeting to the published schedule by hand (an
   * accepted request the matcher could not place, a pair met on the floor),
   * with the same checks as a move; it is pinned.
   */
  async create(principal: Principal, forumId: string, companyIds: string[], slotId: string, tableId?: string): Promise<Meeting> {
    const [a, b] = [...companyIds].sort();
    if (companyIds.length !== 2 || a === b || !isId(a) || !isId(b)) throw new BadInputError('companyIds: give two different companies');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const forum = isId(forumId) ? await manager.getRepository(Forum).findOneBy({ id: forumId }) : null;
        if (!forum || !isOrganizer(principal) || forum.organizerId !== principal.userId) throw new NotFoundError('Forum', forumId);
        const schedule = await manager.getRepository(Schedule).findOneBy({ forumId, status: 'PUBLISHED' });
        if (!schedule) throw new ConflictError('This forum has no published schedule yet; publish one first');
        const registrations = await manager.getRepository(Registration).find({ where: { forumId, companyId: In([a, b]) } });
        if (registrations.length !== 2) throw new BadInputError('companyIds: both companies must be registered for this forum');
        if (forum.sides.length > 0 && registrations[0].side === registrations[1].side) throw new BadInputError('companyIds: both companies are on the same side');
        if (await manager.getRepository(Meeting).existsBy({ scheduleId: schedule.id, companyAId: a, companyBId: b })) {
          throw new ConflictError('These companies already meet in the published schedule');
        }
        const { slot, table } = await this.checkPlace(manager, schedule, [a, b], slotId, null, tableId);
        const meeting = await manager.getRepository(Meeting).save({
          scheduleId: schedule.id,
          slotId: slot.id,
          tableId: table.id,
          companyAId: a,
          companyBId: b,
          pinned: true,
        });
        await manager.getRepository(MeetingParticipant).insert([a, b].map((companyId) => ({ meetingId: meeting.id, companyId, scheduleId: schedule.id, slotId: slot.id })));
        const created = await manager.getRepository(Meeting).findOneByOrFail({ id: meeting.id });
        await this.tell(manager, forumId, created, 'ADDED', null, { slotId: slot.id, tableId: table.id });
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('That slot or table was taken meanwhile; try again');
      throw error;
    }
  }

  /** Where a meeting of `companies` may sit: the slot is the forum's, both are available and free, and a table is (with an interpreter when needed). */
  private async checkPlace(manager: EntityManager, schedule: Schedule, companies: string[], slotId: string, meetingId: string | null, tableId?: string): Promise<{ slot: Slot; table: ForumTable }> {
    const slot = isId(slotId) ? await manager.getRepository(Slot).findOneBy({ id: slotId, forumId: schedule.forumId }) : null;
    if (!slot) throw new BadInputError(`slotId: ${slotId} is not a slot of this forum`);
    const registrations = await manager.getRepository(Registration).find({ where: { forumId: schedule.forumId, companyId: In(companies) }, relations: { unavailableSlots: true } });
    for (const registration of registrations) {
      if (registration.unavailableSlots?.some((unavailable) => unavailable.id === slot.id)) {
        throw new ConflictError(`A company of this meeting is unavailable in that slot`);
      }
    }
    const busy = await manager.query(
      'SELECT 1 FROM meeting_participant WHERE schedule_id = $1 AND slot_id = $2 AND company_id = ANY($3::uuid[]) AND meeting_id IS DISTINCT FROM $4 LIMIT 1',
      [schedule.id, slot.id, companies, meetingId],
    );
    if (busy.length) throw new ConflictError('A company of this meeting already has a meeting in that slot');
    const needs = await this.needsInterpreter(manager, registrations);
    const table = await this.pickTable(manager, schedule, slot.id, meetingId, needs, tableId);
    return { slot, table };
  }

  async cancel(principal: Principal, id: string): Promise<Meeting> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.findPublished(manager, principal, id);
      const schedule = await manager.getRepository(Schedule).findOneByOrFail({ id: meeting.scheduleId });
      await this.tell(manager, schedule.forumId, meeting, 'CANCELLED', { slotId: meeting.slotId, tableId: meeting.tableId }, null);
      await manager.getRepository(Meeting).delete({ id: meeting.id });
      return meeting;
    });
  }

  /** A meeting of a published schedule of a forum the caller organises (locked for the change). */
  private async findPublished(manager: EntityManager, principal: Principal, id: string): Promise<Meeting> {
    const meeting = isId(id)
      ? await manager.getRepository(Meeting).createQueryBuilder('meeting').where('meeting.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    const schedule = meeting ? await manager.getRepository(Schedule).findOneBy({ id: meeting.scheduleId }) : null;
    if (!meeting || !schedule) throw new NotFoundError('Meeting', id);
    // Through the transaction's own connection: on the embedded database (one session at a time) a query on
    // another connection would wait for this transaction to end, forever.
    const forum = await manager.getRepository(Forum).findOneBy({ id: schedule.forumId });
    if (!forum || !isOrganizer(principal) || forum.organizerId !== principal.userId) throw new NotFoundError('Meeting', id);
    if (schedule.status !== 'PUBLISHED') throw new ConflictError('Only meetings of the published schedule can be changed here');
    return meeting;
  }

  private async needsInterpreter(manager: EntityManager, registrations: Registration[]): Promise<boolean> {
    const languages = await Promise.all(
      registrations.map(async (registration) => {
        const delegates = await manager.getRepository(Delegate).findBy({ registrationId: registration.id });
        const spoken = delegates.flatMap((delegate) => delegate.languages);
        return spoken.length ? spoken : (await manager.getRepository(Company).findOneByOrFail({ id: registration.companyId })).languages;
      }),
    );
    return languages.length === 2 && needsInterpreter(languages[0], languages[1]);
  }

  private async pickTable(manager: EntityManager, schedule: Schedule, slotId: string, meetingId: string | null, interpreter: boolean, tableId?: string): Promise<ForumTable> {
    const taken = new Set<string>(
      (await manager.query('SELECT table_id FROM meeting WHERE schedule_id = $1 AND slot_id = $2 AND id IS DISTINCT FROM $3', [schedule.id, slotId, meetingId])).map(
        (row: { table_id: string }) => row.table_id,
      ),
    );
    const tables = await manager.getRepository(ForumTable).find({ where: { forumId: schedule.forumId }, order: { number: 'ASC' } });
    if (tableId) {
      const table = tables.find((candidate) => candidate.id === tableId);
      if (!table) throw new BadInputError(`tableId: ${tableId} is not a table of this forum`);
      if (taken.has(table.id)) throw new ConflictError(`Table ${table.label} is taken in that slot`);
      if (interpreter && !table.interpreter) throw new ConflictError(`This meeting needs an interpreter; table ${table.label} has none`);
      return table;
    }
    const free = tables.filter((table) => !taken.has(table.id) && (!interpreter || table.interpreter));
    // Keep interpreter tables for meetings that need them.
    const table = free.find((candidate) => candidate.interpreter === interpreter) ?? free[0];
    if (!table) throw new ConflictError(interpreter ? 'No interpreter table is free in that slot' : 'No table is free in that slot');
    return table;
  }

  private tell(manager: EntityManager, forumId: string, meeting: Meeting, change: AgendaChange['change'], from: MeetingAt | null, to: MeetingAt | null) {
    return tellAgendaChange(manager, this.config.notifyBatchMs, forumId, meeting, change, from, to);
  }
}
