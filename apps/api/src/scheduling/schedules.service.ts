import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Forum, isUniqueViolation, Meeting, Schedule, ScheduleRun } from '@forum/db';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import type { Principal } from '../common/principal';
import { PublishError, publishRun } from '@forum/scheduling';
import { ForumsService } from '../forums/forums.service';
import { GenerateScheduleOptions } from './dto/generate-schedule.input';
import { SchedulingDispatcher } from './scheduling-dispatcher';

@Injectable()
export class SchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ScheduleRun) private readonly runs: Repository<ScheduleRun>,
    @InjectRepository(Schedule) private readonly schedules: Repository<Schedule>,
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    private readonly forums: ForumsService,
    private readonly dispatcher: SchedulingDispatcher,
  ) {}

  /** Queues a run (one active per forum, held by a unique index) and returns it at once. */
  async generate(principal: Principal, forumId: string, options: GenerateScheduleOptions = {}): Promise<ScheduleRun> {
    const forum = await this.forums.findOwned(principal, forumId);
    if (forum.status === 'DRAFT' || forum.status === 'OPEN') {
      throw new ConflictError(`Close meeting requests first (setForumStatus REQUESTS_CLOSED); the forum is ${forum.status}`);
    }
    if (forum.status === 'CLOSED') throw new ConflictError('The forum is CLOSED');
    let run: ScheduleRun;
    try {
      run = await this.runs.save({ forumId, status: 'QUEUED', phase: 'queued', progress: 0, options: { ...options } });
    } catch (error) {
      if (isUniqueViolation(error, 'schedule_run_one_active_per_forum')) {
        throw new ConflictError('A schedule run for this forum is already queued or running; wait for it or cancel it');
      }
      throw error;
    }
    await this.dispatcher.dispatch(run.id);
    return run;
  }

  /** A run the caller may see: organisers of its forum. */
  async findRun(principal: Principal, id: string): Promise<ScheduleRun> {
    const run = isId(id) ? await this.runs.findOneBy({ id }) : null;
    if (!run) throw new NotFoundError('Schedule run', id);
    await this.forums.findOwned(principal, run.forumId).catch(() => {
      throw new NotFoundError('Schedule run', id);
    });
    return run;
  }

  /** A forum's runs, newest first (without their instances, which can be large). */
  async runsOf(principal: Principal, forumId: string): Promise<ScheduleRun[]> {
    const forum = await this.forums.findOwned(principal, forumId);
    return this.runs.find({
      where: { forumId: forum.id },
      order: { createdAt: 'DESC' },
      select: { id: true, forumId: true, status: true, phase: true, progress: true, options: true, stats: true, error: true, attempts: true, cancelRequested: true, createdAt: true, startedAt: true, finishedAt: true },
    });
  }

  async cancel(principal: Principal, id: string): Promise<ScheduleRun> {
    const run = await this.findRun(principal, id);
    if (run.status !== 'QUEUED' && run.status !== 'RUNNING') throw new ConflictError(`The run is ${run.status}; there is nothing to cancel`);
    // A queued run is cancelled at once; a running one at its next progress point.
    await this.runs.update({ id }, run.status === 'QUEUED' ? { cancelRequested: true, status: 'CANCELLED', phase: 'cancelled', finishedAt: new Date() } : { cancelRequested: true });
    return this.runs.findOneByOrFail({ id });
  }

  /** Makes a succeeded run's schedule the forum's published one, version n+1, in one transaction. */
  async publish(principal: Principal, runId: string): Promise<Schedule> {
    const run = await this.findRun(principal, runId);
    try {
      return await publishRun(this.dataSource, run.id);
    } catch (error) {
      if (error instanceof PublishError) throw new ConflictError(error.message);
      throw error;
    }
  }

  /** The published schedule; organisers may name a run to read its draft. */
  async findSchedule(principal: Principal, forumId: string, runId?: string): Promise<Schedule | null> {
    if (runId) {
      const run = await this.findRun(principal, runId);
      if (run.forumId !== forumId) throw new NotFoundError('Schedule run', runId);
      return this.schedules.findOneBy({ runId });
    }
    const forum = await this.forums.findVisible(principal, forumId);
    return this.schedules.findOneBy({ forumId: forum.id, status: 'PUBLISHED' });
  }

  /** A schedule's meetings with slot, table and both companies, in one query, in slot then table order. */
  meetingsOfWithParts(scheduleId: string): Promise<Meeting[]> {
    return this.meetings.find({
      where: { scheduleId },
      relations: { slot: true, table: true, companyA: true, companyB: true },
      order: { slot: { position: 'ASC' }, table: { number: 'ASC' } },
    });
  }

  async timeZoneOf(forumId: string): Promise<string> {
    return (await this.dataSource.getRepository(Forum).findOneByOrFail({ id: forumId })).timeZone;
  }

  async instanceOf(principal: Principal, forumId: string, runId: string): Promise<unknown> {
    const run = await this.findRun(principal, runId);
    if (run.forumId !== forumId || !run.instance) throw new NotFoundError('Schedule run instance', runId);
    return run.instance;
  }
}
