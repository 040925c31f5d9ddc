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
    const settings = this.checkSettings(input);
    return this.dataSource.transaction(async (manager) => {
      const forum = await manager.getRepository(Forum).save({
        organizerId: principal.userId,
        name: input.name,
        venue: input.venue ?? null,
        timeZone: settings.timeZone,
        status: 'DRAFT',
        sides: input.sides,
        slotMinutes: input.slotMinutes,
        breakMinutes: input.breakMinutes,
        maxMeetingsPerCompany: input.maxMeetingsPerCompany,
        requestDeadline: input.requestDeadline ?? null,
        sideMustMatchCountry: input.sideMustMatchCountry ?? true,
      });
      await this.writeTimetable(manager, forum, settings.sessions);
      await this.writeTables(manager, forum.id, settings.tableCount, settings.interpreterTableCount);
      return forum;
    });
  }

  /** While no schedule is published; the slots and tables are cut again when their settings change. */
  async update(principal: Principal, id: string, input: UpdateForumInput): Promise<Forum> {
    const forum = await this.findOwned(principal, id);
    if (forum.status === 'SCHEDULED' || forum.status === 'CLOSED') {
      throw new ConflictError(`Forum ${id} is ${forum.status}: its settings can no longer change`);
    }
    return this.dataSource.transaction(async (manager) => {
      const sessions = await manager.getRepository(ForumSession).find({ where: { forumId: id }, order: { startsAt: 'ASC' } });
      const tables = await manager.getRepository(ForumTable).findBy({ forumId: id });
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
      });
      const saved = await manager.getRepository(Forum).save(forum);
      if (input.sessions || input.slotMinutes !== undefined || input.breakMinutes !== undefined) {
        await manager.getRepository(ForumSession).delete({ forumId: id });
        await this.writeTimetable(manager, saved, settings.sessions);
      }
      if (input.tableCount !== undefined || input.interpreterTableCount !== undefined) {
        await manager.getRepository(ForumTable).delete({ forumId: id });
        await this.writeTables(manager, id, settings.tableCount, settings.interpreterTableCount);
      }
      return saved;
    });
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
