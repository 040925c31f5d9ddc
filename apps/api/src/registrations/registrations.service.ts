import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Not, Repository } from 'typeorm';
import { notifyCompany } from '@forum/notifications';
import { Company, Delegate, Forum, isUniqueViolation, Registration, Slot, type RegistrationStatus } from '@forum/db';
import { normalizeEmail } from '@forum/common';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import { queryOnPool } from '../common/query-on-pool';
import { companyJsonSql, CompanyJson, companyOfJson } from '../companies/company-json';
import { isOrganizer, Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';
import { RegisterForForumInput, UpdateRegistrationInput } from './dto/register-for-forum.input';
import { ParticipantFilter } from './dto/participants.args';

export interface RegistrationActivity {
  requestsSent: number;
  requestsReceived: number;
  requestsAccepted: number;
  requestsAwaitingAnswer: number;
  meetings: number;
}

export interface ParticipantPage {
  rows: (Registration & { company: Company })[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Registration) private readonly registrations: Repository<Registration>,
    private readonly forums: ForumsService,
  ) {}

  async register(principal: Principal, forumId: string, input: RegisterForForumInput): Promise<Registration> {
    if (principal.role !== 'COMPANY' || !principal.companyId) {
      throw new ForbiddenError("Only a company's representative can register it");
    }
    const forum = await this.forums.findVisible(principal, forumId);
    if (forum.status !== 'OPEN') throw new ConflictError(`Registration is closed: forum ${forumId} is ${forum.status}`);
    const company = await this.dataSource.getRepository(Company).findOneByOrFail({ id: principal.companyId });
    const side = this.checkSide(forum, company, input.side);
    if (input.maxMeetings !== undefined && input.maxMeetings > forum.maxMeetingsPerCompany) {
      throw new BadInputError(`maxMeetings: at most ${forum.maxMeetingsPerCompany} at this forum`);
    }
    const slots = await this.forumSlots(forum, input.unavailableSlotIds);
    const emails = input.delegates.map((delegate) => normalizeEmail(delegate.email));
    if (new Set(emails).size !== emails.length) throw new BadInputError('delegates: each delegate needs a different email');

    const registered = this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Registration).existsBy({ forumId, companyId: company.id })) {
        throw new ConflictError(`${company.name} is already registered for this forum`);
      }
      const registration = await manager.getRepository(Registration).save({
        forumId,
        companyId: company.id,
        side,
        status: forum.requireApproval ? 'PENDING' : 'APPROVED',
        maxMeetings: input.maxMeetings ?? null,
        unavailableSlots: slots,
      });
      registration.delegates = await manager.getRepository(Delegate).save(
        input.delegates.map((delegate, i) => ({
          registrationId: registration.id,
          name: delegate.name,
          email: emails[i],
          title: delegate.title ?? null,
          languages: delegate.languages ?? [],
        })),
      );
      return registration;
    });
    // Two registrations racing past the check above: the unique constraint decides, the loser hears CONFLICT.
    return registered.catch((error: unknown) => {
      if (isUniqueViolation(error, 'registration_forum_company_unique')) throw new ConflictError(`${company.name} is already registered for this forum`);
      throw error;
    });
  }

  /**
   * The caller's company changes its availability or meeting limit while the
   * forum is open. The forum row is locked for the change, so a status change
   * to REQUESTS_CLOSED happens wholly before or after it.
   */
  async updateOwn(principal: Principal, forumId: string, input: UpdateRegistrationInput): Promise<Registration> {
    if (principal.role !== 'COMPANY' || !principal.companyId) {
      throw new ForbiddenError("Only a company's representative can change its registration");
    }
    const companyId = principal.companyId;
    const forum = await this.forums.findVisible(principal, forumId);
    if (input.maxMeetings !== undefined && input.maxMeetings !== null && input.maxMeetings > forum.maxMeetingsPerCompany) {
      throw new BadInputError(`maxMeetings: at most ${forum.maxMeetingsPerCompany} at this forum`);
    }
    const slots = input.unavailableSlotIds ? await this.forumSlots(forum, input.unavailableSlotIds) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.getRepository(Forum).findOne({ where: { id: forumId }, lock: { mode: 'pessimistic_read' } });
      if (locked?.status !== 'OPEN') throw new ConflictError(`Registrations can no longer change: forum ${forumId} is ${locked?.status ?? 'gone'}`);
      const registration = await manager.getRepository(Registration).findOne({ where: { forumId, companyId }, relations: { unavailableSlots: true } });
      if (!registration) throw new NotFoundError('Registration of your company for forum', forumId);
      if (input.maxMeetings !== undefined) registration.maxMeetings = input.maxMeetings ?? null;
      if (slots) registration.unavailableSlots = slots;
      await manager.getRepository(Registration).save(registration);
    });
    return (await this.findOwn(principal, forumId))!;
  }

  /**
   * Every registration of the organiser's own forum, with company, delegates,
   * unavailable slots and each company's requests and meetings (one aggregate
   * statement), in company name order.
   */
  async forForum(principal: Principal, forumId: string): Promise<{ registration: Registration; activity: RegistrationActivity }[]> {
    const forum = await this.forums.findOwned(principal, forumId);
    const registrations = await this.registrations.find({ where: { forumId: forum.id }, relations: { company: true, delegates: true, unavailableSlots: true } });
    const rows: (RegistrationActivity & { companyId: string })[] = await this.dataSource.query(
      `SELECT r.company_id AS "companyId",
         (SELECT count(*) FROM meeting_request q WHERE q.forum_id = r.forum_id AND q.from_company_id = r.company_id AND q.status <> 'WITHDRAWN')::int AS "requestsSent",
         (SELECT count(*) FROM meeting_request q WHERE q.forum_id = r.forum_id AND q.to_company_id = r.company_id AND q.status <> 'WITHDRAWN')::int AS "requestsReceived",
         (SELECT count(*) FROM meeting_request q WHERE q.forum_id = r.forum_id AND r.company_id IN (q.from_company_id, q.to_company_id) AND q.status = 'ACCEPTED')::int AS "requestsAccepted",
         (SELECT count(*) FROM meeting_request q WHERE q.forum_id = r.forum_id AND q.to_company_id = r.company_id AND q.status = 'PENDING')::int AS "requestsAwaitingAnswer",
         (SELECT count(*) FROM meeting_participant mp JOIN schedule s ON s.id = mp.schedule_id
           WHERE s.forum_id = r.forum_id AND s.status = 'PUBLISHED' AND mp.company_id = r.company_id)::int AS meetings
       FROM registration r WHERE r.forum_id = $1`,
      [forum.id],
    );
    const activity = new Map(rows.map(({ companyId, ...counts }) => [companyId, counts]));
    const none: RegistrationActivity = { requestsSent: 0, requestsReceived: 0, requestsAccepted: 0, requestsAwaitingAnswer: 0, meetings: 0 };
    return registrations
      .sort((x, y) => (x.company as Company).name.localeCompare((y.company as Company).name))
      .map((registration) => ({ registration, activity: activity.get(registration.companyId) ?? none }));
  }

  /** The organiser approves or rejects a registration of their forum (any time before it closes); only approved companies are seen and scheduled. */
  async setStatus(principal: Principal, id: string, status: RegistrationStatus): Promise<Registration> {
    const registration = isId(id) ? await this.registrations.findOne({ where: { id }, relations: { delegates: true, unavailableSlots: true, company: true } }) : null;
    if (!registration) throw new NotFoundError('Registration', id);
    const forum = await this.forums.findOwned(principal, registration.forumId).catch(() => {
      throw new NotFoundError('Registration', id);
    });
    if (forum.status === 'CLOSED') throw new ConflictError('The forum is CLOSED');
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.getRepository(Registration).update({ id, forumId: forum.id, status: Not(status) }, { status });
      // Approving twice tells the company once.
      if (!updated.affected || status === 'PENDING') return;
      await notifyCompany(manager, {
        forumId: forum.id,
        companyId: registration.companyId,
        kind: status === 'APPROVED' ? 'REGISTRATION_APPROVED' : 'REGISTRATION_REJECTED',
        audience: 'COMPANY',
        data: { forum: forum.name, forumId: forum.id, timeZone: forum.timeZone },
      });
    });
    registration.status = status;
    return registration;
  }

  /** The caller's company's registration for a forum, or null. */
  /** The caller's company's registration for the forum, with its delegates and unavailable slots (one statement). */
  async findOwn(principal: Principal, forumId: string): Promise<Registration | null> {
    if (!principal.companyId || !isId(forumId)) return null;
    const { rows } = await queryOnPool<RegistrationRow & { delegates: Delegate[]; unavailableSlotIds: string[] }>(this.dataSource, 'own-registration', OWN_REGISTRATION, [forumId, principal.companyId]);
    if (rows.length === 0) return null;
    const { delegates, unavailableSlotIds, ...row } = rows[0];
    return Object.assign(registrationOf(row), {
      delegates: delegates.map((delegate) => Object.assign(new Delegate(), delegate)),
      unavailableSlots: unavailableSlotIds.map((id) => Object.assign(new Slot(), { id })),
    });
  }

  /** One page of a forum's participants, in name order, filtered: the page and the count in one statement. */
  async participants(principal: Principal, forumId: string, filter: ParticipantFilter | undefined, first: number, after?: string): Promise<ParticipantPage> {
    // Whether the forum is there for the caller (as ForumsService.findVisible) is asked in the same statement.
    if (!isId(forumId)) throw new NotFoundError('Forum', forumId);
    const cursor = after ? decodeCursor(after) : null;
    const text = filter?.text ? `%${escapeLike(filter.text.trim())}%` : null;
    type PageRow = Omit<RegistrationRow, 'checkedInAt' | 'createdAt'> & { checkedInAt: string | null; createdAt: string; company: CompanyJson };
    const { rows } = await queryOnPool<{ visible: boolean; total: number; page: PageRow[] | null }>(
      this.dataSource,
      'participants-page',
      PARTICIPANTS_PAGE,
      [
        forumId,
        isOrganizer(principal) ? principal.userId : null,
        principal.companyId ?? null,
        filter?.side ?? null,
        filter?.country ?? null,
        filter?.sector ? filter.sector.trim() : null,
        filter?.language ?? null,
        filter?.keyword ? `%${escapeLike(filter.keyword.trim())}%` : null,
        text,
        cursor?.name ?? null,
        cursor?.id ?? null,
        first + 1,
      ],
    );
    if (!rows[0]?.visible) throw new NotFoundError('Forum', forumId);
    const all = (rows[0].page ?? []).map(({ company, ...row }) =>
      Object.assign(registrationOf({ ...row, checkedInAt: row.checkedInAt ? new Date(row.checkedInAt) : null, createdAt: new Date(row.createdAt) }), {
        company: companyOfJson(company),
      }),
    );
    const page = all.slice(0, first);
    const last = page[page.length - 1];
    return {
      rows: page,
      totalCount: rows[0].total,
      hasNextPage: all.length > first,
      endCursor: last ? encodeCursor(last.company.name, last.company.id) : null,
    };
  }

  /** One participant of a forum the caller can see, or NOT_FOUND when that company is not registered for it. */
  async participant(principal: Principal, forumId: string, companyId: string): Promise<Registration & { company: Company }> {
    await this.forums.findVisible(principal, forumId);
    const registration = isId(companyId)
      ? await this.registrations.findOne({ where: { forumId, companyId }, relations: { company: true } })
      : null;
    const visible = registration && (registration.status === 'APPROVED' || registration.companyId === principal.companyId || (await this.isForumOrganizer(principal, forumId)));
    if (!registration || !visible) throw new NotFoundError('Participant', companyId);
    return registration as Registration & { company: Company };
  }

  /** Whether the caller may read delegates' emails of registrations in this forum (beyond its own). */
  async isForumOrganizer(principal: Principal, forumId: string): Promise<boolean> {
    if (!isOrganizer(principal)) return false;
    const forum = await this.dataSource.getRepository(Forum).findOneBy({ id: forumId });
    return forum?.organizerId === principal.userId;
  }

  private checkSide(forum: Forum, company: Company, side: string | undefined): string | null {
    if (forum.sides.length === 0) {
      if (side) throw new BadInputError('side: this forum has no sides; leave it out');
      return null;
    }
    if (!side) throw new BadInputError(`side: choose one of ${forum.sides.join(', ')}`);
    if (!forum.sides.includes(side)) throw new BadInputError(`side: ${side} is not a side of this forum (${forum.sides.join(', ')})`);
    if (forum.sideMustMatchCountry && side !== company.country) {
      throw new BadInputError(`side: ${company.name} is from ${company.country}, so its side is ${company.country} at this forum`);
    }
    return side;
  }

  private async forumSlots(forum: Forum, ids: string[]): Promise<Slot[]> {
    if (ids.length === 0) return [];
    const valid = ids.filter(isId);
    const slots = valid.length ? await this.dataSource.getRepository(Slot).findBy({ forumId: forum.id, id: In(valid) }) : [];
    if (slots.length !== ids.length) {
      const known = new Set(slots.map((slot) => slot.id));
      throw new BadInputError(`unavailableSlotIds: ${ids.filter((id) => !known.has(id)).join(', ')} are not slots of this forum`);
    }
    return slots;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** An opaque keyset cursor: the last row's (name, id). */
export function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && isId(id)) return { name, id };
  } catch {
    // fall through
  }
  throw new BadInputError('after: not a cursor this API gave out; pass pageInfo.endCursor');
}

/** A registration's own columns as the hot reads below answer them. */
interface RegistrationRow {
  id: string;
  forumId: string;
  companyId: string;
  side: string | null;
  status: RegistrationStatus;
  maxMeetings: number | null;
  checkInCode: string;
  checkedInAt: Date | null;
  absentFromSlotId: string | null;
  createdAt: Date;
}

/** The columns of a RegistrationRow, of registration r. */
const REGISTRATION_COLUMNS = `r.id, r.forum_id AS "forumId", r.company_id AS "companyId", r.side, r.status, r.max_meetings AS "maxMeetings",
  r.check_in_code AS "checkInCode", r.checked_in_at AS "checkedInAt", r.absent_from_slot_id AS "absentFromSlotId", r.created_at AS "createdAt"`;

const OWN_REGISTRATION = `
  SELECT ${REGISTRATION_COLUMNS},
    coalesce((SELECT json_agg(json_build_object('id', d.id, 'registrationId', d.registration_id, 'name', d.name, 'email', d.email, 'title', d.title, 'languages', d.languages) ORDER BY d.name, d.id)
              FROM delegate d WHERE d.registration_id = r.id), '[]'::json) AS delegates,
    ARRAY(SELECT u.slot_id::text FROM registration_unavailable_slot u WHERE u.registration_id = r.id ORDER BY u.slot_id) AS "unavailableSlotIds"
  FROM registration r WHERE r.forum_id = $1 AND r.company_id = $2`;

/**
 * $1 forum, $2 the caller's user id when an organiser (who sees only its own forums, and all
 * their registrations), $3 the caller's company (others see approved companies only, a
 * company itself too), $4–$9 the filters (null: none; keyword and text as ILIKE patterns),
 * $10–$11 the cursor (name, id; null: the first page), $12 the rows to answer. One row while
 * the forum exists: whether the caller sees it, the count of all matching (cursor aside)
 * and the page as JSON.
 */
const PARTICIPANTS_PAGE = `
  WITH the_forum AS (
    SELECT id, CASE WHEN $2::uuid IS NULL THEN status <> 'DRAFT' ELSE organizer_id = $2::uuid END AS visible, coalesce(organizer_id = $2::uuid, false) AS organizer
    FROM forum WHERE id = $1
  ), matching AS (
    SELECT r.id AS registration_id, c.name AS company_name, c.id AS company_id
    FROM the_forum f JOIN registration r ON r.forum_id = f.id JOIN company c ON c.id = r.company_id
    WHERE f.visible
      AND (f.organizer OR r.status = 'APPROVED' OR r.company_id = $3::uuid)
      AND ($4::text IS NULL OR r.side = $4)
      AND ($5::text IS NULL OR c.country = $5)
      AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM unnest(c.sectors) AS sector WHERE lower(sector) = lower($6)))
      AND ($7::text IS NULL OR $7 = ANY(c.languages))
      AND ($8::text IS NULL OR EXISTS (SELECT 1 FROM unnest(c.offers || c.seeks) AS phrase WHERE phrase ILIKE $8 ESCAPE '\\'))
      AND ($9::text IS NULL OR c.name ILIKE $9 ESCAPE '\\' OR c.description ILIKE $9 ESCAPE '\\')
  )
  SELECT the_forum.visible, (SELECT count(*)::int FROM matching) AS total,
    (SELECT json_agg(json_build_object('id', r.id, 'forumId', r.forum_id, 'companyId', r.company_id, 'side', r.side, 'status', r.status,
              'maxMeetings', r.max_meetings, 'checkInCode', r.check_in_code, 'checkedInAt', r.checked_in_at, 'absentFromSlotId', r.absent_from_slot_id,
              'createdAt', r.created_at,
              'company', ${companyJsonSql('c')})
            ORDER BY p.company_name, p.company_id)
     FROM (SELECT * FROM matching WHERE $10::text IS NULL OR (company_name, company_id) > ($10::text, $11::uuid) ORDER BY company_name, company_id LIMIT $12) p
     JOIN registration r ON r.id = p.registration_id JOIN company c ON c.id = p.company_id) AS page
  FROM the_forum`;

function registrationOf(row: RegistrationRow): Registration {
  return Object.assign(new Registration(), row);
}
