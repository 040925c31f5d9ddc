import { tzlib_get_timezones } from 'timezones-ical-library';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { Forum, ForumSession, ForumStatus, ForumTable, Registration, Slot } from '@forum/db';
import { BadInputError, ConflictError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import { isOrganizer, Principal } from '../common/principal';
import { CreateForumInput, UpdateForumInput } from './dto/create-forum.input';
import { generateSlots, sessionProblem } from '@forum/db';

/** Where a forum may go from each status (no going back past a published schedule). */
const TRANSITIONS: Record<ForumStatus, ForumStatus[]> = {
  DRAFT: ['OPEN'],
  OPEN: ['DRAFT', 'REQUESTS_CLOSED'],
  REQUESTS_CLOSED: ['OPEN', 'SCHEDULED', 'CLOSED'],
  SCHEDULED: ['CLOSED'],
  CLOSED: [],
};

const MAX_SLOTS = 500;

@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Forum) private readonly forums: Repository<Forum>,
  ) {}

  async create(principal: Principal, input: CreateForumInput): Promise<Forum> {
    const settings = this.checkSettings({ ...input, breakMinutes: input.breakMinutes ?? 0, interpreterTableCount: input.interpreterTableCount ?? 0 });
    return this.dataSource.transaction(async (manager) => {
      const forum = await manager.getRepository(Forum).save({
        organizerId: principal.userId,
        name: input.name,
        venue: input.venue ?? null,
        timeZone: settings.timeZone,
        status: 'DRAFT',
        sides: input.sides,
        slotMinutes: input.slotMinutes,
        breakMinutes: input.breakMinutes ?? 0,
        maxMeetingsPerCompany: input.maxMeetingsPerCompany,
        requestDeadline: input.requestDeadline ?? null,
        sideMustMatchCountry: input.sideMustMatchCountry ?? true,
        requireApproval: input.requireApproval ?? false,
      });
      await this.writeTimetable(manager, forum, settings.sessions);
      await this.writeTables(manager, forum.id, settings.tableCount, settings.interpreterTableCount);
      return forum;
    });
  }

  /**
   * A partial update: only the fields given change. While no schedule is
   * published. When the timetable (sessions, slot length, changeover) or the
   * tables really change, what can be kept is kept: slots whose times stay
   * keep their ids, companies' unavailability moves to the new slots that
   * overlap it, tables keep their numbers; a change that would take a slot or
   * table away from a meeting of a draft schedule is refused with CONFLICT.
   */
  async update(principal: Principal, id: string, input: UpdateForumInput): Promise<Forum> {
    const forum = await this.findOwned(principal, id);
    if (forum.status === 'SCHEDULED' || forum.status === 'CLOSED') {
      throw new ConflictError(`Forum ${id} is ${forum.status}: its settings can no longer change`);
    }
    return this.dataSource.transaction(async (manager) => {
      // Lock the forum: two updates of one forum take turns.
      await manager.getRepository(Forum).createQueryBuilder('forum').where('forum.id = :id', { id }).setLock('pessimistic_write').getOneOrFail();
      const sessions = await manager.getRepository(ForumSession).find({ where: { forumId: id }, order: { startsAt: 'ASC' } });
      const tables = await manager.getRepository(ForumTable).find({ where: { forumId: id }, order: { number: 'ASC' } });
      const merged = {
        slotMinutes: input.slotMinutes ?? forum.slotMinutes,
        breakMinutes: input.breakMinutes ?? forum.breakMinutes,
        sessions: input.sessions ?? sessions.map(({ startsAt, endsAt }) => ({ startsAt, endsAt })),
        tableCount: input.tableCount ?? tables.length,
        interpreterTableCount: input.interpreterTableCount ?? tables.filter((table) => table.interpreter).length,
        timeZone: input.timeZone ?? forum.timeZone,
        sides: input.sides ?? forum.sides,
      };
      const settings = this.checkSettings(merged);
      if (input.sides && forum.sides.join() !== input.sides.join()) {
        const registered = await manager.getRepository(Registration).countBy({ forumId: id, side: Not(In(input.sides)) });
        if (registered > 0) throw new ConflictError('Companies are registered on a side this change would remove');
      }
      const timetableChanged =
        merged.slotMinutes !== forum.slotMinutes ||
        merged.breakMinutes !== forum.breakMinutes ||
        timesKey(settings.sessions) !== timesKey(sessions);
      Object.assign(forum, {
        name: input.name ?? forum.name,
        venue: input.venue ?? forum.venue,
        timeZone: settings.timeZone,
        sides: merged.sides,
        slotMinutes: merged.slotMinutes,
        breakMinutes: merged.breakMinutes,
        maxMeetingsPerCompany: input.maxMeetingsPerCompany ?? forum.maxMeetingsPerCompany,
        requestDeadline: input.requestDeadline ?? forum.requestDeadline,
        sideMustMatchCountry: input.sideMustMatchCountry ?? forum.sideMustMatchCountry,
        requireApproval: input.requireApproval ?? forum.requireApproval,
      });
      const saved = await manager.getRepository(Forum).save(forum);
      if (timetableChanged) await this.reshapeTimetable(manager, saved, sessions, settings.sessions);
      if (settings.tableCount !== tables.length || settings.interpreterTableCount !== tables.filter((table) => table.interpreter).length) {
        await this.reshapeTables(manager, id, tables, settings.tableCount, settings.interpreterTableCount);
      }
      return saved;
    });
  }

  /** New sessions and slots, keeping every slot (and its id) whose times stay. */
  private async reshapeTimetable(manager: EntityManager, forum: Forum, oldSessions: ForumSession[], sessions: { startsAt: Date; endsAt: Date }[]) {
    const slots = manager.getRepository(Slot);
    const oldSlots = await slots.find({ where: { forumId: forum.id }, order: { position: 'ASC' } });
    const wanted = generateSlots(sessions, forum.slotMinutes, forum.breakMinutes);
    const key = (slot: { startsAt: Date; endsAt: Date }) => `${slot.startsAt.getTime()}|${slot.endsAt.getTime()}`;
    const wantedKeys = new Set(wanted.map(key));
    const removed = oldSlots.filter((slot) => !wantedKeys.has(key(slot)));
    if (removed.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM meeting WHERE slot_id = ANY($1::uuid[])', [removed.map((slot) => slot.id)]);
      if (n > 0) {
        throw new ConflictError(`${n} meeting(s) of a draft schedule are in slots this change removes; generate the schedule again after the change, or keep those slots`);
      }
    }
    // Sessions: keep those whose times stay, add the new ones.
    const sessionRepo = manager.getRepository(ForumSession);
    const byTimes = new Map(oldSessions.map((session) => [key(session), session]));
    const sessionIds: string[] = [];
    for (const session of sessions) {
      const kept = byTimes.get(key(session));
      sessionIds.push(kept ? kept.id : (await sessionRepo.save({ forumId: forum.id, startsAt: session.startsAt, endsAt: session.endsAt })).id);
    }
    // Unavailability of removed slots moves to the new slots that overlap them.
    const unavailable: { registration_id: string; slot_id: string }[] = removed.length
      ? await manager.query('SELECT registration_id, slot_id FROM registration_unavailable_slot WHERE slot_id = ANY($1::uuid[])', [removed.map((slot) => slot.id)])
      : [];
    if (removed.length) await slots.delete({ id: In(removed.map((slot) => slot.id)) });
    // Positions are unique per forum: park the kept slots out of the way, then number everything in time order.
    await manager.query('UPDATE slot SET position = -1 - position WHERE forum_id = $1', [forum.id]);
    const kept = new Map(oldSlots.filter((slot) => wantedKeys.has(key(slot))).map((slot) => [key(slot), slot]));
    const finalSlots: Slot[] = [];
    for (const [position, slot] of wanted.entries()) {
      const existing = kept.get(key(slot));
      if (existing) {
        await slots.update({ id: existing.id }, { position, sessionId: sessionIds[slot.session] });
        finalSlots.push({ ...existing, position });
      } else {
        const inserted = await slots.save({ forumId: forum.id, sessionId: sessionIds[slot.session], position, startsAt: slot.startsAt, endsAt: slot.endsAt });
        finalSlots.push(inserted);
      }
    }
    const removedById = new Map(removed.map((slot) => [slot.id, slot]));
    const moved = unavailable.flatMap(({ registration_id, slot_id }) => {
      const old = removedById.get(slot_id)!;
      return finalSlots.filter((slot) => slot.startsAt < old.endsAt && old.startsAt < slot.endsAt).map((slot) => [registration_id, slot.id]);
    });
    if (moved.length) {
      await manager.query(
        'INSERT INTO registration_unavailable_slot (registration_id, slot_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING',
        [moved.map(([registration]) => registration), moved.map(([, slot]) => slot)],
      );
    }
    const keptSessionIds = new Set(sessionIds);
    const unused = oldSessions.filter((session) => !keptSessionIds.has(session.id));
    if (unused.length) await sessionRepo.delete({ id: In(unused.map((session) => session.id)) });
  }

  /** Tables keep their numbers and ids; extra ones are added or (when no meeting sits there) removed; the first N have interpreters. */
  private async reshapeTables(manager: EntityManager, forumId: string, tables: ForumTable[], count: number, interpreters: number) {
    const repo = manager.getRepository(ForumTable);
    const removed = tables.filter((table) => table.number > count);
    if (removed.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM meeting WHERE table_id = ANY($1::uuid[])', [removed.map((table) => table.id)]);
      if (n > 0) throw new ConflictError(`${n} meeting(s) of a draft schedule sit at tables this change removes; generate the schedule again after the change`);
      await repo.delete({ id: In(removed.map((table) => table.id)) });
    }
    const width = Math.max(2, String(count).length);
    for (const table of tables.filter((t) => t.number <= count)) {
      const label = `T${String(table.number).padStart(width, '0')}`;
      const interpreter = table.number <= interpreters;
      if (table.label !== label || table.interpreter !== interpreter) await repo.update({ id: table.id }, { label, interpreter });
    }
    const added = Array.from({ length: Math.max(0, count - tables.length) }, (_, i) => tables.length + i + 1);
    if (added.length) {
      await repo.insert(added.map((number) => ({ forumId, number, label: `T${String(number).padStart(width, '0')}`, interpreter: number <= interpreters })));
    }
  }

  async setStatus(principal: Principal, id: string, status: ForumStatus): Promise<Forum> {
    const forum = await this.findOwned(principal, id);
    if (forum.status === status) return forum;
    if (!TRANSITIONS[forum.status].includes(status)) {
      throw new ConflictError(
        `Forum ${id} cannot go from ${forum.status} to ${status}; from ${forum.status} it can go to ${TRANSITIONS[forum.status].join(', ') || 'nothing'}`,
      );
    }
    if (status === 'SCHEDULED') {
      throw new ConflictError('A forum becomes SCHEDULED when a schedule is published (publishSchedule)');
    }
    if (status === 'DRAFT' && (await this.dataSource.getRepository(Registration).existsBy({ forumId: id }))) {
      throw new ConflictError(`Forum ${id} has registrations; it cannot go back to DRAFT`);
    }
    forum.status = status;
    return this.forums.save(forum);
  }

  /** A forum the caller may see: organisers their own, companies and delegates any that is not a draft. */
  async findVisible(principal: Principal, id: string): Promise<Forum> {
    const forum = isId(id) ? await this.forums.findOneBy({ id }) : null;
    if (!forum || !this.canSee(principal, forum)) throw new NotFoundError('Forum', id);
    return forum;
  }

  /** A forum the caller organises. */
  async findOwned(principal: Principal, id: string): Promise<Forum> {
    const forum = isId(id) ? await this.forums.findOneBy({ id }) : null;
    if (!forum || !isOrganizer(principal) || forum.organizerId !== principal.userId) throw new NotFoundError('Forum', id);
    return forum;
  }

  list(principal: Principal): Promise<Forum[]> {
    return isOrganizer(principal)
      ? this.forums.find({ where: { organizerId: principal.userId }, order: { createdAt: 'DESC' } })
      : this.forums.find({ where: { status: Not('DRAFT') }, order: { createdAt: 'DESC' } });
  }

  private canSee(principal: Principal, forum: Forum): boolean {
    return isOrganizer(principal) ? forum.organizerId === principal.userId : forum.status !== 'DRAFT';
  }

  private checkSettings(input: {
    timeZone: string;
    sides: string[];
    slotMinutes: number;
    breakMinutes: number;
    sessions: { startsAt: Date; endsAt: Date }[];
    tableCount: number;
    interpreterTableCount: number;
  }) {
    const timeZone = canonicalTimeZone(input.timeZone);
    if (!timeZone) {
      throw new BadInputError(`timeZone: ${JSON.stringify(input.timeZone)} is not an IANA time zone, e.g. Asia/Ho_Chi_Minh`);
    }
    if (input.sides.length === 1) throw new BadInputError('sides: give none (anyone meets anyone) or at least two');
    const sessions = [...input.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const problem = sessionProblem(sessions, input.slotMinutes);
    if (problem) throw new BadInputError(problem);
    const slotCount = generateSlots(sessions, input.slotMinutes, input.breakMinutes).length;
    if (slotCount > MAX_SLOTS) throw new BadInputError(`sessions: ${slotCount} slots; a forum has at most ${MAX_SLOTS}`);
    if (input.interpreterTableCount > input.tableCount) {
      throw new BadInputError('interpreterTableCount: cannot exceed tableCount');
    }
    return { timeZone, sessions, tableCount: input.tableCount, interpreterTableCount: input.interpreterTableCount };
  }

  private async writeTimetable(manager: EntityManager, forum: Forum, sessions: { startsAt: Date; endsAt: Date }[]) {
    const saved = await manager.getRepository(ForumSession).save(sessions.map(({ startsAt, endsAt }) => ({ forumId: forum.id, startsAt, endsAt })));
    const slots = generateSlots(sessions, forum.slotMinutes, forum.breakMinutes).map((slot, position) => ({
      forumId: forum.id,
      sessionId: saved[slot.session].id,
      position,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    }));
    await manager.getRepository(Slot).insert(slots);
  }

  private async writeTables(manager: EntityManager, forumId: string, count: number, interpreters: number) {
    const width = Math.max(2, String(count).length);
    await manager.getRepository(ForumTable).insert(
      Array.from({ length: count }, (_, i) => ({
        forumId,
        number: i + 1,
        label: `T${String(i + 1).padStart(width, '0')}`,
        interpreter: i < interpreters,
      })),
    );
  }
}

function timesKey(sessions: { startsAt: Date; endsAt: Date }[]): string {
  return sessions.map((session) => `${session.startsAt.getTime()}-${session.endsAt.getTime()}`).join(',');
}

/** Every IANA zone name (current and linked) by its lower-case spelling. */
const ZONES = new Map((tzlib_get_timezones() as string[]).map((zone) => [zone.toLowerCase(), zone] as const));

/**
 * The IANA name as the zone database spells it (asia/seoul → Asia/Seoul), or
 * null when there is no such zone (offsets such as +07:00 are not zones: a
 * forum follows its place's rules). The name must also be one this Node.js
 * can format times in.
 */
export function canonicalTimeZone(name: string): string | null {
  const zone = ZONES.get(name.toLowerCase());
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}
