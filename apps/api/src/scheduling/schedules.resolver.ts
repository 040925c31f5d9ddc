import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { ScheduleRun } from '@forum/db';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { CreateMeetingInput } from './dto/create-meeting.input';
import { GenerateScheduleOptions } from './dto/generate-schedule.input';
import { ScheduledMeetingModel } from './models/scheduled-meeting.model';
import { MeetingsService } from './meetings.service';
import { MeetingModel, ScheduleModel, ScheduleRunModel, ScheduleStatsModel, statsOf } from './models/schedule.model';
import { watchRun } from './run-watcher';
import { SchedulesService } from './schedules.service';

@Roles('ORGANIZER')
@Resolver(() => ScheduleModel)
export class SchedulesResolver {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly meetingsService: MeetingsService,
  ) {}

  @Mutation(() => ScheduleRunModel, { description: 'Queues a matcher run on the worker; returns at once with status QUEUED.' })
  async generateSchedule(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('options', { type: () => GenerateScheduleOptions, nullable: true }) options?: GenerateScheduleOptions,
  ): Promise<ScheduleRunModel> {
    return ScheduleRunModel.from(await this.schedules.generate(principal, forumId, options ?? {}));
  }

  @Query(() => ScheduleRunModel)
  async scheduleRun(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<ScheduleRunModel> {
    return ScheduleRunModel.from(await this.schedules.findRun(principal, id));
  }

  @Query(() => [ScheduleRunModel], { description: "The forum's schedule runs, newest first: the history an organiser compares and publishes from." })
  async scheduleRuns(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<ScheduleRunModel[]> {
    return (await this.schedules.runsOf(principal, forumId)).map((run) => ScheduleRunModel.from(run));
  }

  @Subscription(() => ScheduleRunModel, {
    description: 'The run each time its status, phase or progress changes, until it ends (graphql-ws).',
    resolve: (run: ScheduleRun) => ScheduleRunModel.from(run),
  })
  async scheduleRunUpdated(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    await this.schedules.findRun(principal, id);
    return watchRun(() => this.schedules.findRun(principal, id));
  }

  @Mutation(() => ScheduleRunModel, { description: 'A queued run stops at once, a running one at its next progress point.' })
  async cancelScheduleRun(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<ScheduleRunModel> {
    return ScheduleRunModel.from(await this.schedules.cancel(principal, id));
  }

  @Mutation(() => ScheduleModel, { description: "Makes a succeeded run the forum's published schedule (version n+1), atomically." })
  async publishSchedule(@CurrentPrincipal() principal: Principal, @Args('runId', { type: () => ID }) runId: string): Promise<ScheduleModel> {
    return ScheduleModel.from(await this.schedules.publish(principal, runId));
  }

  @Mutation(() => MeetingModel, { description: 'Pins (or unpins) a published meeting: later runs keep it where it is.' })
  async pinMeeting(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('pinned', { defaultValue: true }) pinned: boolean,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.pin(principal, id, pinned));
  }

  @Mutation(() => MeetingModel, { description: 'Moves a published meeting to a slot (and table) where both companies and a table are free; it is pinned there.' })
  async moveMeeting(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('slotId', { type: () => ID }) slotId: string,
    @Args('tableId', { type: () => ID, nullable: true }) tableId?: string,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.move(principal, id, slotId, tableId));
  }

  @Mutation(() => MeetingModel, { description: 'Adds a meeting of two registered companies to the published schedule, where both and a table are free (the same checks as moveMeeting); it is pinned.' })
  async createMeeting(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateMeetingInput): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.create(principal, input.forumId, input.companyIds, input.slotId, input.tableId ?? undefined));
  }

  @Mutation(() => MeetingModel, { description: 'Cancels a published meeting.' })
  async cancelMeeting(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.cancel(principal, id));
  }

  @Query(() => ScheduleModel, { nullable: true, description: 'The published schedule, or the draft of a run when runId is given.' })
  async schedule(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('runId', { type: () => ID, nullable: true }) runId?: string,
  ): Promise<ScheduleModel | null> {
    const schedule = await this.schedules.findSchedule(principal, forumId, runId);
    return schedule ? ScheduleModel.from(schedule) : null;
  }

  @ResolveField(() => [ScheduledMeetingModel])
  async meetings(@Parent() schedule: ScheduleModel): Promise<ScheduledMeetingModel[]> {
    const timeZone = await this.schedules.timeZoneOf(schedule.forumId);
    return (await this.schedules.meetingsOfWithParts(schedule.id)).map((meeting) => ScheduledMeetingModel.fromFull(meeting, timeZone));
  }

  @ResolveField(() => ScheduleStatsModel, { nullable: true })
  async stats(@CurrentPrincipal() principal: Principal, @Parent() schedule: ScheduleModel): Promise<ScheduleStatsModel | null> {
    return statsOf((await this.schedules.findRun(principal, schedule.runId)).stats);
  }
}
