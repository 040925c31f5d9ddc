import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { notifyCompany } from '@forum/notifications';
import { isUniqueViolation, MeetingRequest, Registration } from '@forum/db';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import { queryOnPool } from '../common/query-on-pool';
import { companyJsonSql, CompanyJson, companyOfJson } from '../companies/company-json';
import type { Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';
import { RequestMeetingInput } from './dto/request-meeting.input';

const OPEN_STATUSES = ['PENDING', 'ACCEPTED'] as const;

@Injectable()
export class MeetingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MeetingRequest) private readonly requests: Repository<MeetingRequest>,
    private readonly forums: ForumsService,
  ) {}

  async request(principal: Principal, input: RequestMeetingInput): Promise<MeetingRequest> {
    const from = this.actingCompany(principal);
    const forum = await this.forums.findVisible(principal, input.forumId);
    if (forum.status !== 'OPEN') throw new ConflictError(`Meeting requests are closed: the forum is ${forum.status}`);
    if (forum.requestDeadline && forum.requestDeadline.getTime() < Date.now()) {
      throw new ConflictError(`The request deadline (${forum.requestDeadline.toISOString()}) has passed`);
    }
    if (input.toCompanyId === from) throw new BadInputError('toCompanyId: a company cannot request a meeting with itself');
    if (!isId(input.toCompanyId)) throw new NotFoundError('Participant', input.toCompanyId);

    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locking the sender's registration serialises its requests, so the limit below holds under concurrency.
        const registrations = await manager
          .getRepository(Registration)
          .createQueryBuilder('registration')
          .where('registration.forum_id = :forumId AND registration.company_id IN (:...ids)', { forumId: forum.id, ids: [from, input.toCompanyId] })
          .setLock('pessimistic_write')
          .getMany();
        const mine = registrations.find((registration) => registration.companyId === from);
        const theirs = registrations.find((registration) => registration.companyId === input.toCompanyId);
        if (!mine) throw new ForbiddenError('Register your company for this forum before requesting meetings');
        // A company not (yet) approved is not seen by others, and cannot ask them.
        if (!theirs || theirs.status !== 'APPROVED') throw new NotFoundError('Participant', input.toCompanyId);
        if (mine.status !== 'APPROVED') throw new ConflictError("Your registration awaits the organiser's approval");
        if (forum.sides.length > 0 && mine.side === theirs.side) {
          throw new BadInputError(`toCompanyId: meetings are between sides; both companies are on side ${mine.side}`);
        }
        const limit = forum.maxMeetingsPerCompany * 2;
        const open = await manager.getRepository(MeetingRequest).countBy({ forumId: forum.id, fromCompanyId: from, status: In([...OPEN_STATUSES]) });
        if (open >= limit) {
          throw new ConflictError(`You already have ${open} open requests, the most this forum allows (${limit}); withdraw one first`);
        }
        const saved = await manager.getRepository(MeetingRequest).save({
          forumId: forum.id,
          fromCompanyId: from,
          toCompanyId: input.toCompanyId,
          priority: input.priority,
          message: input.message?.trim() || null,
          status: 'PENDING',
        });
        await this.tell(manager, saved, 'REQUEST_RECEIVED');
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'meeting_request_open_pair_unique')) {
        throw new ConflictError('You already have an open request to this company at this forum');
      }
      throw error;
    }
  }

  async respond(principal: Principal, id: string, accept: boolean): Promise<MeetingRequest> {
    const company = this.actingCompany(principal);
    const request = await this.findFor(id, (found) => found.toCompanyId === company);
    if (request.status !== 'PENDING') throw new ConflictError(`This request is ${request.status}; only a PENDING request can be answered`);
    await this.assertForumTakesChanges(principal, request.forumId);
    return this.transition(request, ['PENDING'], { status: accept ? 'ACCEPTED' : 'DECLINED', respondedAt: new Date() });
  }

  async withdraw(principal: Principal, id: string): Promise<MeetingRequest> {
    const company = this.actingCompany(principal);
    const request = await this.findFor(id, (found) => found.fromCompanyId === company);
    if (request.status !== 'PENDING' && request.status !== 'ACCEPTED') {
      throw new ConflictError(`This request is ${request.status}; there is nothing to withdraw`);
    }
    await this.assertForumTakesChanges(principal, request.forumId);
    return this.transition(request, ['PENDING', 'ACCEPTED'], { status: 'WITHDRAWN' });
  }

  /**
   * Changes a request's status only if it is still in one of `from` (a
   * conditional UPDATE): of two concurrent changes, exactly one wins and the
   * other answers CONFLICT with the status it found.
   */
  private async transition(request: MeetingRequest, from: MeetingRequest['status'][], changes: Partial<MeetingRequest>): Promise<MeetingRequest> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(MeetingRequest).update({ id: request.id, status: In(from) }, changes);
      if (!result.affected) {
        const now = await manager.getRepository(MeetingRequest).findOneBy({ id: request.id });
        throw new ConflictError(`This request was just changed; it is now ${now?.status ?? 'gone'}`);
      }
      const changed = await manager.getRepository(MeetingRequest).findOneByOrFail({ id: request.id });
      const kind = changed.status === 'ACCEPTED' ? 'REQUEST_ACCEPTED' : changed.status === 'DECLINED' ? 'REQUEST_DECLINED' : 'REQUEST_WITHDRAWN';
      await this.tell(manager, changed, kind);
      return changed;
    });
  }

  /** The message a request's change causes, in the same transaction: to the recipient of a new or withdrawn request, to the sender of an answered one. */
  private async tell(manager: EntityManager, request: MeetingRequest, kind: 'REQUEST_RECEIVED' | 'REQUEST_ACCEPTED' | 'REQUEST_DECLINED' | 'REQUEST_WITHDRAWN') {
    const [names]: { forum: string; timeZone: string; from: string; fromCountry: string; to: string }[] = await manager.query(
      `SELECT f.name AS forum, f.time_zone AS "timeZone", a.name AS "from", a.country AS "fromCountry", b.name AS "to"
         FROM forum f, company a, company b WHERE f.id = $1 AND a.id = $2 AND b.id = $3`,
      [request.forumId, request.fromCompanyId, request.toCompanyId],
    );
    const toSender = kind === 'REQUEST_ACCEPTED' || kind === 'REQUEST_DECLINED';
    await notifyCompany(manager, {
      forumId: request.forumId,
      companyId: toSender ? request.fromCompanyId : request.toCompanyId,
      kind,
      audience: 'COMPANY',
      data: { ...names, forumId: request.forumId, requestId: request.id, message: kind === 'REQUEST_RECEIVED' && request.message ? `“${request.message}”` : '' },
    });
  }

  /** The caller's company's requests at a forum, newest first (delegates may read them too). */
  /** Accepted requests of the organiser's forum whose pair does not meet in the published schedule, highest priority first. */
  async unscheduled(principal: Principal, forumId: string): Promise<MeetingRequest[]> {
    const forum = await this.forums.findOwned(principal, forumId);
    return this.requests
      .createQueryBuilder('request')
      .where('request.forum_id = :forumId', { forumId: forum.id })
      .andWhere("request.status = 'ACCEPTED'")
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM meeting m JOIN schedule s ON s.id = m.schedule_id
           WHERE s.forum_id = request.forum_id AND s.status = 'PUBLISHED'
             AND m.company_a_id = LEAST(request.from_company_id, request.to_company_id)
             AND m.company_b_id = GREATEST(request.from_company_id, request.to_company_id))`,
      )
      .orderBy('request.priority', 'DESC')
      .addOrderBy('request.created_at', 'ASC')
      .getMany();
  }

  async list(principal: Principal, forumId: string, direction: 'SENT' | 'RECEIVED'): Promise<MeetingRequest[]> {
    if (!principal.companyId) throw new ForbiddenError('Only companies have meeting requests');
    // Companies see a forum past its draft (as ForumsService.findVisible), asked in the same statement.
    const { rows } = isId(forumId)
      ? await queryOnPool<{ visible: boolean; requests: RequestJson[] }>(
          this.dataSource,
          `company-meeting-requests-${direction}`,
          companyRequestsSql(direction),
          [forumId, principal.companyId],
        )
      : { rows: [] };
    if (!rows[0]?.visible) throw new NotFoundError('Forum', forumId);
    return rows[0].requests.map((request) =>
      Object.assign(new MeetingRequest(), request, {
        createdAt: new Date(request.createdAt),
        updatedAt: new Date(request.updatedAt),
        respondedAt: request.respondedAt ? new Date(request.respondedAt) : null,
        fromCompany: companyOfJson(request.fromCompany),
        toCompany: companyOfJson(request.toCompany),
      }),
    );
  }

  private actingCompany(principal: Principal): string {
    if (principal.role !== 'COMPANY' || !principal.companyId) {
      throw new ForbiddenError("Only a company's representative can do this; delegates can only read");
    }
    return principal.companyId;
  }

  /** The request if the caller is allowed to act on it; otherwise it does not exist for them. */
  private async findFor(id: string, allowed: (request: MeetingRequest) => boolean): Promise<MeetingRequest> {
    const request = isId(id) ? await this.requests.findOneBy({ id }) : null;
    if (!request || !allowed(request)) throw new NotFoundError('Meeting request', id);
    return request;
  }

  private async assertForumTakesChanges(principal: Principal, forumId: string) {
    const forum = await this.forums.findVisible(principal, forumId);
    if (forum.status === 'SCHEDULED' || forum.status === 'CLOSED') {
      throw new ConflictError(`The forum is ${forum.status}; requests can no longer change`);
    }
  }
}

type RequestJson = Omit<MeetingRequest, 'createdAt' | 'updatedAt' | 'respondedAt' | 'fromCompany' | 'toCompany'> & {
  createdAt: string;
  updatedAt: string;
  respondedAt: string | null;
  fromCompany: CompanyJson;
  toCompany: CompanyJson;
};

/** $1 forum, $2 company: whether the forum is past its draft, and the company's requests sent or received (with both companies), newest first. */
const companyRequestsSql = (direction: 'SENT' | 'RECEIVED') => `
  SELECT f.status <> 'DRAFT' AS visible,
    coalesce((SELECT json_agg(json_build_object('id', q.id, 'forumId', q.forum_id, 'fromCompanyId', q.from_company_id, 'toCompanyId', q.to_company_id,
                'priority', q.priority, 'message', q.message, 'status', q.status, 'respondedAt', q.responded_at, 'createdAt', q.created_at, 'updatedAt', q.updated_at,
                'fromCompany', ${companyJsonSql('fc')}, 'toCompany', ${companyJsonSql('tc')})
              ORDER BY q.created_at DESC, q.id)
              FROM meeting_request q JOIN company fc ON fc.id = q.from_company_id JOIN company tc ON tc.id = q.to_company_id
              WHERE q.forum_id = f.id AND q.${direction === 'SENT' ? 'from_company_id' : 'to_company_id'} = $2::uuid), '[]'::json) AS requests
  FROM forum f WHERE f.id = $1`;
