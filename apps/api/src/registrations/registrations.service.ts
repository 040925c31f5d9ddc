import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, Not, Repository } from 'typeorm';
import { notifyCompany } from '@forum/notifications';
import { Company, Delegate, Forum, isUniqueViolation, Registration, Slot, type RegistrationStatus } from '@forum/db';
import { normalizeEmail } from '@forum/common';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
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
  findOwn(principal: Principal, forumId: string): Promise<Registration | null> {
    if (!principal.companyId || !isId(forumId)) return Promise.resolve(null);
    return this.registrations.findOne({
      where: { forumId, companyId: principal.companyId },
      relations: { delegates: true, unavailableSlots: true },
    });
  }

  /** One page of a forum's participants, in name order, filtered; a constant number of queries. */
  async participants(principal: Principal, forumId: string, filter: ParticipantFilter | undefined, first: number, after?: string): Promise<ParticipantPage> {
    await this.forums.findVisible(principal, forumId);
    const query = this.registrations
      .createQueryBuilder('registration')
      .innerJoinAndSelect('registration.company', 'company')
      .where('registration.forum_id = :forumId', { forumId });
    // Others see approved companies only; a company sees itself, the organiser everyone.
    if (!(await this.isForumOrganizer(principal, forumId))) {
      query.andWhere("(registration.status = 'APPROVED' OR registration.company_id = :me)", { me: principal.companyId ?? null });
    }
    if (filter?.side) query.andWhere('registration.side = :side', { side: filter.side });
    if (filter?.country) query.andWhere('company.country = :country', { country: filter.country });
    if (filter?.sector) {
      query.andWhere('EXISTS (SELECT 1 FROM unnest(company.sectors) AS sector WHERE lower(sector) = lower(:sector))', {
        sector: filter.sector.trim(),
      });
    }
    if (filter?.language) query.andWhere(':language = ANY(company.languages)', { language: filter.language });
    if (filter?.keyword) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM unnest(company.offers || company.seeks) AS phrase WHERE phrase ILIKE :keyword ESCAPE '\\')",
        { keyword: `%${escapeLike(filter.keyword.trim())}%` },
      );
    }
    if (filter?.text) {
      const text = `%${escapeLike(filter.text.trim())}%`;
      query.andWhere(
        new Brackets((where) =>
          where.where("company.name ILIKE :text ESCAPE '\\'", { text }).orWhere("company.description ILIKE :text ESCAPE '\\'", { text }),
        ),
      );
    }
    const totalCount = await query.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(company.name, company.id) > (:name, :id)', cursor);
    }
    const rows = (await query
      .orderBy('company.name', 'ASC')
      .addOrderBy('company.id', 'ASC')
      .take(first + 1)
      .getMany()) as (Registration & { company: Company })[];
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      rows: page,
      totalCount,
      hasNextPage: rows.length > first,
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
