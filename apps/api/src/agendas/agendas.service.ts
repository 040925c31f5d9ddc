import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarFeed, Company, Forum, Meeting, MeetingRequest, Registration, Schedule, Slot } from '@forum/db';
import { APP_CONFIG, AppConfig, isLanguage, Language, languageFromSpoken, localDateTime } from '@forum/common';
import { needsInterpreter } from '@forum/matcher';
import { BadInputError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import { isOrganizer, type Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';
import { BatchLoader } from '../common/batch-loader';
import { AgendaCache, AgendaCompany, AgendaData, AgendaEntry, AgendaForum, AgendaKey, agendasOfCompanies, loadAgenda } from './agenda.query';
import { queryOnPool } from '../common/query-on-pool';

/** Whose agenda a calendar feed shows. */
interface FeedOwner {
  forumId: string;
  companyId: string;
  userId: string;
}

/** One meeting request as the organiser's spreadsheet lists it. */
export interface RequestRow {
  fromId: string;
  toId: string;
  fromName: string;
  fromCountry: string;
  toName: string;
  toCountry: string;
  priority: number;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
  message: string | null;
  createdAt: Date;
  respondedAt: Date | null;
  meets: boolean;
}

export interface RequestCompany {
  id: string;
  name: string;
  country: string;
  side: string | null;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
}

export interface CompanyAgenda {
  company: Pick<AgendaCompany, 'id' | 'name' | 'country'>;
  entries: readonly AgendaEntry[];
  /** The code the check-in desk scans (a QR code on the printed agenda). */
  checkInCode?: string;
}

@Injectable()
export class AgendasService {
  /** Agendas held at their forum's agenda stamp (null: AGENDA_CACHE=false, every agenda read whole). */
  private readonly agendaCache: AgendaCache | null;
  /** Companies' agendas asked for at the same time are read in one statement. */
  private readonly agendaLoader = new BatchLoader<AgendaKey, AgendaData | null>((keys) => agendasOfCompanies(this.dataSource, keys, this.agendaCache));
  /** Calendar feeds (not revoked) by token hash, those asked for at the same time in one statement. */
  private readonly feedLoader = new BatchLoader<string, FeedOwner | null>(async (tokenHashes) => {
    const { rows } = await queryOnPool<FeedOwner & { tokenHash: string }>(
      this.dataSource,
      'calendar-feeds',
      'SELECT token_hash AS "tokenHash", forum_id AS "forumId", company_id AS "companyId", user_id AS "userId" FROM calendar_feed WHERE token_hash = ANY($1::varchar[]) AND revoked_at IS NULL',
      [tokenHashes],
    );
    const byHash = new Map(rows.map(({ tokenHash, ...owner }) => [tokenHash, owner]));
    return tokenHashes.map((tokenHash) => byHash.get(tokenHash) ?? null);
  });

  /** Users' languages for take-away files, those asked for at the same time in one statement. */
  private readonly languageLoader = new BatchLoader<string, Language>(async (userIds) => {
    const { rows } = await queryOnPool<{ id: string; preferred: string | null; languages: string[] | null }>(
      this.dataSource,
      'user-languages',
      'SELECT u.id, u.preferred_language AS preferred, c.languages FROM user_account u LEFT JOIN company c ON c.id = u.company_id WHERE u.id = ANY($1::uuid[])',
      [userIds],
    );
    const byUser = new Map(rows.map((row) => [row.id, isLanguage(row.preferred) ? row.preferred : languageFromSpoken(row.languages ?? [])]));
    return userIds.map((userId) => byUser.get(userId) ?? 'en');
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forums: ForumsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.agendaCache = config.agendaCache ? new AgendaCache() : null;
  }

  /**
   * The caller's company's meetings in the published schedule, in time order.
   * Every call asks PostgreSQL (one statement, shared with the agendas asked
   * for at the same moment) for the forum and its agenda stamp, and reads the
   * meetings unless this process holds them at that stamp: nothing here can go stale.
   */
  async agendaFor(principal: Principal, forumId: string): Promise<AgendaData> {
    if (!principal.companyId) throw new ForbiddenError('Agendas belong to companies; organisers read the whole schedule');
    const agenda = isId(forumId) ? await this.agendaLoader.load({ forumId, companyId: principal.companyId }) : null;
    // Companies see any forum past its draft (as ForumsService.findVisible).
    if (!agenda || agenda.forum.status === 'DRAFT') throw new NotFoundError('Forum', forumId);
    return agenda;
  }

  /** One company's agenda as it sees it: for the forum's organiser (any registered company), or the company itself. */
  async agendaOfCompany(principal: Principal, forumId: string, companyId: string): Promise<AgendaData> {
    if (principal.companyId) {
      if (principal.companyId !== companyId) throw new ForbiddenError("Only the forum's organiser sees another company's agenda");
      return this.agendaFor(principal, forumId);
    }
    const agenda = isOrganizer(principal) && isId(forumId) && isId(companyId) ? await this.agendaLoader.load({ forumId, companyId }) : null;
    if (!agenda || agenda.forum.organizerId !== principal.userId) throw new NotFoundError('Forum', forumId);
    if (!(await this.dataSource.getRepository(Registration).existsBy({ forumId, companyId }))) throw new NotFoundError('Participant', companyId);
    return agenda;
  }

  /** Every registered company's agenda (organiser's printout), or just the caller's company's. */
  async agendasForPrint(principal: Principal, forumId: string): Promise<{ forum: AgendaForum; agendas: CompanyAgenda[] }> {
    if (principal.companyId) {
      const { forum, entries } = await this.agendaFor(principal, forumId);
      const company = await this.dataSource.getRepository(Company).findOneByOrFail({ id: principal.companyId });
      const registration = await this.dataSource.getRepository(Registration).findOneBy({ forumId: forum.id, companyId: company.id });
      return { forum, agendas: [{ company, entries, checkInCode: registration?.checkInCode }] };
    }
    const { forum, entries } = await this.ownedAgendas(principal, forumId);
    const registrations = await this.dataSource.getRepository(Registration).find({ where: { forumId: forum.id }, relations: { company: true } });
    const byCompany = new Map<string, AgendaEntry[]>();
    for (const entry of entries) {
      const own = byCompany.get(entry.viewer) ?? [];
      own.push(entry);
      byCompany.set(entry.viewer, own);
    }
    const agendas = registrations
      .map((registration) => ({ company: registration.company as Company, entries: byCompany.get(registration.companyId) ?? [], checkInCode: registration.checkInCode }))
      .sort((x, y) => x.company.name.localeCompare(y.company.name));
    return { forum, agendas };
  }

  /** The whole published schedule for the organiser's spreadsheets: one row per meeting, with both companies. */
  async scheduleRows(principal: Principal, forumId: string): Promise<{ forum: AgendaForum; meetings: ScheduledMeeting[] }> {
    const { forum, entries } = await this.ownedAgendas(principal, forumId);
    // Every company of a meeting is the counterpart of the other side's entry.
    const companies = new Map(entries.map((entry) => [entry.counterpart.id, entry.counterpart]));
    const meetings = entries
      .filter((entry) => entry.viewer === entry.companyAId)
      .map((entry) => ({ ...entry, companyA: companies.get(entry.companyAId)!, companyB: companies.get(entry.companyBId)! }));
    return { forum, meetings };
  }

  /**
   * The language of a take-away file: `lang` when given (en, ko or vi), else
   * the user's preferred language, else one from the company's languages.
   */
  async languageOf(userId: string | null, lang: unknown): Promise<Language> {
    if (lang !== undefined) {
      if (!isLanguage(lang)) throw new BadInputError(`lang: ${JSON.stringify(lang)} is not one of en, ko, vi`);
      return lang;
    }
    return userId ? this.languageLoader.load(userId) : 'en';
  }

  /** Every meeting request of the organiser's forum, oldest first, with both companies and whether the pair meets in the published schedule. */
  /** Every request of the organiser's forum, and every registered company (the ones that sent or received none too). */
  async requestRows(principal: Principal, forumId: string): Promise<{ forum: Forum; requests: RequestRow[]; companies: RequestCompany[] }> {
    const forum = await this.forums.findOwned(principal, forumId);
    const requests: RequestRow[] = await this.dataSource.query(
      `SELECT f.id AS "fromId", t.id AS "toId", f.name AS "fromName", f.country AS "fromCountry", t.name AS "toName", t.country AS "toCountry", q.priority, q.status, q.message,
              q.created_at AS "createdAt", q.responded_at AS "respondedAt",
              EXISTS (SELECT 1 FROM meeting m JOIN schedule s ON s.id = m.schedule_id
                      WHERE s.forum_id = q.forum_id AND s.status = 'PUBLISHED'
                        AND m.company_a_id = LEAST(q.from_company_id, q.to_company_id) AND m.company_b_id = GREATEST(q.from_company_id, q.to_company_id)) AS meets
         FROM meeting_request q JOIN company f ON f.id = q.from_company_id JOIN company t ON t.id = q.to_company_id
        WHERE q.forum_id = $1 ORDER BY q.created_at, q.id`,
      [forum.id],
    );
    const companies: RequestCompany[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.country, r.side, r.status FROM registration r JOIN company c ON c.id = r.company_id WHERE r.forum_id = $1 ORDER BY c.name, c.id`,
      [forum.id],
    );
    return { forum, requests, companies };
  }

  private async ownedAgendas(principal: Principal, forumId: string): Promise<AgendaData> {
    const agenda = isOrganizer(principal) && isId(forumId) ? await loadAgenda(this.dataSource, forumId) : null;
    if (!agenda || agenda.forum.organizerId !== principal.userId) throw new NotFoundError('Forum', forumId);
    return agenda;
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

  /** The agenda behind a feed token (and the user who made it), or null when the token is unknown or revoked. */
  async agendaForFeed(forumId: string, token: string): Promise<(AgendaData & { userId: string }) | null> {
    if (!isId(forumId)) return null;
    const feed = await this.feedLoader.load(hashToken(token));
    if (!feed || feed.forumId !== forumId) return null;
    const agenda = await this.agendaLoader.load({ forumId, companyId: feed.companyId });
    return agenda && { ...agenda, userId: feed.userId };
  }

  async stats(principal: Principal, forumId: string) {
    const forum = await this.forums.findOwned(principal, forumId);
    const registrations = await this.dataSource.getRepository(Registration).find({ where: { forumId: forum.id }, relations: { company: true }, order: { createdAt: 'ASC' } });
    const requests = await this.dataSource.getRepository(MeetingRequest).findBy({ forumId: forum.id });
    const [{ slots, tables, interpreterTables }] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM slot WHERE forum_id = $1)::int AS slots,
              (SELECT count(*) FROM forum_table WHERE forum_id = $1)::int AS tables,
              (SELECT count(*) FROM forum_table WHERE forum_id = $1 AND interpreter)::int AS "interpreterTables"`,
      [forum.id],
    );
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
    const languages = new Map(registrations.map((registration) => [registration.companyId, (registration.company as Company).languages]));
    const requestedPairs = new Map(open.map((request) => [[request.fromCompanyId, request.toCompanyId].sort().join('|'), request]));
    const needingInterpreter = [...requestedPairs.values()].filter((request) => needsInterpreter(languages.get(request.fromCompanyId) ?? [], languages.get(request.toCompanyId) ?? [])).length;
    const byDay = new Map<string, { date: string; side: string | null; count: number }>();
    for (const registration of registrations) {
      const date = localDateTime(registration.createdAt, forum.timeZone).slice(0, 10);
      const key = `${date}|${registration.side ?? ''}`;
      const day = byDay.get(key) ?? { date, side: registration.side, count: 0 };
      day.count++;
      byDay.set(key, day);
    }
    return {
      registrationsByDay: [...byDay.values()],
      meetingPlaces: slots * tables,
      interpreterPlaces: slots * interpreterTables,
      requestedPairs: requestedPairs.size,
      requestedPairsNeedingInterpreter: needingInterpreter,
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

export type ScheduledMeeting = AgendaEntry & { companyA: AgendaCompany; companyB: AgendaCompany };
