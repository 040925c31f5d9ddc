import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { CalendarFeed, Company, Delegate, Forum, ForumTable, Meeting, MeetingRequest, Registration, Schedule, Slot } from '@forum/db';
import { localDateTime } from '@forum/common';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { AgendaCache, CachedAgenda } from './agenda-cache';
import { isId } from '../common/ids';
import type { Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';

export interface AgendaEntry {
  meeting: Meeting;
  slot: Slot;
  table: ForumTable;
  counterpart: Company;
  counterpartSide: string | null;
  counterpartDelegates: Delegate[];
}

export interface CompanyAgenda {
  company: Company;
  entries: AgendaEntry[];
}

@Injectable()
export class AgendasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forums: ForumsService,
    private readonly cache: AgendaCache,
  ) {}

  /** The caller's company's meetings in the published schedule, in time order. */
  async agendaFor(principal: Principal, forumId: string): Promise<CachedAgenda> {
    if (!principal.companyId) throw new ForbiddenError('Agendas belong to companies; organisers read the whole schedule');
    const companyId = principal.companyId;
    const cached = this.cache.get(forumId, companyId);
    if (cached) return cached;
    // The promise is cached, so concurrent readers of an expired agenda share one load.
    const loading = (async () => {
      const forum = await this.forums.findVisible(principal, forumId);
      return { forum, entries: await this.entriesFor(forum.id, companyId) } as CachedAgenda;
    })();
    this.cache.set(forumId, companyId, loading);
    loading.catch(() => this.cache.forget(forumId));
    return loading;
  }

  /** Every registered company's agenda (organiser's printout), or just the caller's company's. */
  async agendasForPrint(principal: Principal, forumId: string): Promise<{ forum: Forum; agendas: CompanyAgenda[] }> {
    if (principal.companyId) {
      const { forum, entries } = await this.agendaFor(principal, forumId);
      const company = await this.dataSource.getRepository(Company).findOneByOrFail({ id: principal.companyId });
      return { forum, agendas: [{ company, entries }] };
    }
    const forum = await this.forums.findOwned(principal, forumId);
    const registrations = await this.dataSource.getRepository(Registration).find({ where: { forumId: forum.id }, relations: { company: true } });
    const byCompany = new Map<string, AgendaEntry[]>();
    for (const entry of await this.entriesFor(forum.id, null)) {
      const entries = byCompany.get(entry.viewer) ?? [];
      entries.push(entry);
      byCompany.set(entry.viewer, entries);
    }
    const agendas = registrations
      .map((registration) => ({ company: registration.company as Company, entries: byCompany.get(registration.companyId) ?? [] }))
      .sort((x, y) => x.company.name.localeCompare(y.company.name));
    return { forum, agendas };
  }

  /** The whole published schedule, for the organiser's CSV. */
  async scheduleRows(principal: Principal, forumId: string) {
    const forum = await this.forums.findOwned(principal, forumId);
    // One row per meeting: the entries as its first company sees them.
    const entries = (await this.entriesFor(forum.id, null)).filter((entry) => entry.viewer === entry.meeting.companyAId);
    return { forum, entries };
  }

  async createFeed(principal: Principal, forumId: string): Promise<{ feed: CalendarFeed; token: string }> {
    if (!principal.companyId) throw new ForbiddenError('Calendar feeds are for companies and their delegates');
    const forum = await this.forums.findVisible(principal, forumId);
    const token = randomBytes(24).toString('base64url');
    const feed = await this.dataSource.getRepository(CalendarFeed).save({ tokenHash: hashToken(token), forumId: forum.id, companyId: principal.companyId, userId: principal.userId });
    return { feed, token };
  }

  async revokeFeed(principal: Principal, id: string): Promise<CalendarFeed> {
    const feeds = this.dataSource.getRepository(CalendarFeed);
    const feed = isId(id) ? await feeds.findOneBy({ id, userId: principal.userId }) : null;
    if (!feed) throw new NotFoundError('Calendar feed', id);
    feed.revokedAt = feed.revokedAt ?? new Date();
    return feeds.save(feed);
  }

  /** The agenda behind a feed token, or null when the token is unknown or revoked. */
  async agendaForFeed(forumId: string, token: string): Promise<{ forum: Forum; entries: AgendaEntry[] } | null> {
    if (!isId(forumId)) return null;
    const feed = await this.dataSource.getRepository(CalendarFeed).findOneBy({ tokenHash: hashToken(token), forumId, revokedAt: IsNull() });
    if (!feed) return null;
    const forum = await this.dataSource.getRepository(Forum).findOneByOrFail({ id: forumId });
    return { forum, entries: await this.entriesFor(forumId, feed.companyId) };
  }

  async stats(principal: Principal, forumId: string) {
    const forum = await this.forums.findOwned(principal, forumId);
    const registrations = await this.dataSource.getRepository(Registration).findBy({ forumId: forum.id });
    const requests = await this.dataSource.getRepository(MeetingRequest).findBy({ forumId: forum.id });
    const schedule = await this.dataSource.getRepository(Schedule).findOne({ where: { forumId: forum.id, status: 'PUBLISHED' }, relations: { run: true } });
    const meetings = schedule ? await this.dataSource.getRepository(Meeting).find({ where: { scheduleId: schedule.id }, relations: { slot: true } }) : [];
    const bySide = new Map<string | null, number>();
    for (const registration of registrations) bySide.set(registration.side, (bySide.get(registration.side) ?? 0) + 1);
    const count = (status: string) => requests.filter((request) => request.status === status).length;
    const perCompany = registrations.map((registration) => meetings.filter((m) => m.companyAId === registration.companyId || m.companyBId === registration.companyId).length).sort((x, y) => x - y);
    const median = perCompany.length ? (perCompany[(perCompany.length - 1) >> 1] + perCompany[perCompany.length >> 1]) / 2 : 0;
    const open = requests.filter((request) => request.status === 'PENDING' || request.status === 'ACCEPTED');
    const meetingPairs = new Set(meetings.map((m) => `${m.companyAId}|${m.companyBId}`));
    const fulfilled = open.filter((request) => meetingPairs.has([request.fromCompanyId, request.toCompanyId].sort().join('|'))).length;
    const answered = count('ACCEPTED') + count('DECLINED');
    return {
      registrationsBySide: [...bySide].map(([side, n]) => ({ side, count: n })).sort((x, y) => String(x.side).localeCompare(String(y.side))),
      requests: requests.length,
      requestsAccepted: count('ACCEPTED'),
      requestsDeclined: count('DECLINED'),
      requestsPending: count('PENDING'),
      acceptanceRate: answered ? count('ACCEPTED') / answered : 0,
      meetings: meetings.length,
      meetingsPerCompanyMin: perCompany[0] ?? 0,
      meetingsPerCompanyMedian: median,
      meetingsPerCompanyMax: perCompany.at(-1) ?? 0,
      requestsFulfilled: open.length ? fulfilled / open.length : 0,
      holes: holesOf(meetings, forum.timeZone),
    };
  }

  /** Published meetings (all, or one company's) with slot, table and companies, in slot order. */
  /**
   * Published meetings with slot, table and companies, in slot order, as seen
   * by `companyId` (its counterpart) — or, with null, as seen by each side in
   * turn (two entries a meeting, `viewer` set), for the organiser's printout.
   */
  private async entriesFor(forumId: string, companyId: string | null): Promise<(AgendaEntry & { viewer: string })[]> {
    const schedule = await this.dataSource.getRepository(Schedule).findOneBy({ forumId, status: 'PUBLISHED' });
    if (!schedule) return [];
    const query = this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .innerJoinAndSelect('meeting.slot', 'slot')
      .innerJoinAndSelect('meeting.table', 'table')
      .innerJoinAndSelect('meeting.companyA', 'companyA')
      .innerJoinAndSelect('meeting.companyB', 'companyB')
      .where('meeting.schedule_id = :scheduleId', { scheduleId: schedule.id });
    if (companyId) query.andWhere('(meeting.company_a_id = :companyId OR meeting.company_b_id = :companyId)', { companyId });
    const meetings = await query.orderBy('slot.position', 'ASC').addOrderBy('table.number', 'ASC').getMany();
    const registrations = await this.dataSource.getRepository(Registration).find({
      where: { forumId, companyId: In([...new Set(meetings.flatMap((m) => [m.companyAId, m.companyBId]))]) },
      relations: { delegates: true },
    });
    const byCompany = new Map(registrations.map((registration) => [registration.companyId, registration]));
    const view = (meeting: Meeting, viewer: string) => {
      const counterpart = viewer === meeting.companyAId ? (meeting.companyB as Company) : (meeting.companyA as Company);
      const registration = byCompany.get(counterpart.id);
      return {
        viewer,
        meeting,
        slot: meeting.slot as Slot,
        table: meeting.table as ForumTable,
        counterpart,
        counterpartSide: registration?.side ?? null,
        counterpartDelegates: registration?.delegates ?? [],
      };
    };
    return meetings.flatMap((meeting) => (companyId ? [view(meeting, companyId)] : [view(meeting, meeting.companyAId), view(meeting, meeting.companyBId)]));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Idle slots between a company's meetings on the same day (the forum's calendar date). */
function holesOf(meetings: Meeting[], timeZone: string): number {
  const byCompany = new Map<string, Slot[]>();
  for (const meeting of meetings) {
    for (const company of [meeting.companyAId, meeting.companyBId]) byCompany.set(company, [...(byCompany.get(company) ?? []), meeting.slot as Slot]);
  }
  let holes = 0;
  for (const slots of byCompany.values()) {
    slots.sort((x, y) => x.position - y.position);
    for (let i = 1; i < slots.length; i++) {
      if (localDateTime(slots[i].startsAt, timeZone).slice(0, 10) === localDateTime(slots[i - 1].startsAt, timeZone).slice(0, 10)) {
        holes += slots[i].position - slots[i - 1].position - 1;
      }
    }
  }
  return holes;
}
