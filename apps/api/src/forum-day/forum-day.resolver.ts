import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AttendanceStatus } from '@forum/db';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { RegistrationModel } from '../registrations/models/registration.model';
import { AttendanceStatusModel, MeetingModel } from '../scheduling/models/schedule.model';
import { ScheduleModel } from '../scheduling/models/schedule.model';
import { ForumDayService } from './forum-day.service';
import { RefillProposalModel } from './models/refill.model';
import { RefillService } from './refill.service';

@Resolver()
export class ForumDayResolver {
  constructor(
    private readonly forumDay: ForumDayService,
    private readonly refills: RefillService,
  ) {}

  @Roles('ORGANIZER')
  @Mutation(() => RegistrationModel, { description: "The check-in desk: a company's code (scanned or typed); idempotent, checkedInAt stays the first scan's." })
  async checkIn(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string, @Args('code') code: string): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.forumDay.checkIn(principal, forumId, code), true);
  }

  @Mutation(() => MeetingModel, { description: 'HELD or NO_SHOW for a published meeting: by either company (NO_SHOW: the other did not come), or by the organiser naming absentCompanyId.' })
  async markAttendance(
    @CurrentPrincipal() principal: Principal,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('status', { type: () => AttendanceStatusModel }) status: AttendanceStatus,
    @Args('absentCompanyId', { type: () => ID, nullable: true }) absentCompanyId?: string | null,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.forumDay.markAttendance(principal, meetingId, status, absentCompanyId));
  }

  @Roles('ORGANIZER')
  @Mutation(() => [MeetingModel], { description: 'A company absent from fromSlotId to the end of that day: its meetings there that were not held are freed (both sides told); returns them.' })
  async markAbsent(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('companyId', { type: () => ID }) companyId: string,
    @Args('fromSlotId', { type: () => ID }) fromSlotId: string,
  ): Promise<MeetingModel[]> {
    return (await this.refills.markAbsent(principal, forumId, companyId, fromSlotId)).map((meeting) => MeetingModel.from(meeting));
  }

  @Roles('ORGANIZER')
  @Mutation(() => RefillProposalModel, { description: 'New meetings for the rest of the day (from fromSlotId) in freed places, every published meeting kept where it is; nothing changes until applied.' })
  async proposeRefill(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string, @Args('fromSlotId', { type: () => ID }) fromSlotId: string): Promise<RefillProposalModel> {
    const proposal = await this.refills.propose(principal, forumId, fromSlotId);
    return RefillProposalModel.from(proposal, await this.refills.partsOf(proposal));
  }

  @Roles('ORGANIZER')
  @Query(() => RefillProposalModel)
  async refillProposal(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<RefillProposalModel> {
    const proposal = await this.refills.findProposal(principal, id);
    return RefillProposalModel.from(proposal, await this.refills.partsOf(proposal));
  }

  @Roles('ORGANIZER')
  @Mutation(() => ScheduleModel, { description: "Adds the chosen meetings of a proposal (all when meetingIds is omitted) to the published schedule in one transaction; CONFLICT if the floor changed meanwhile." })
  async applyRefill(
    @CurrentPrincipal() principal: Principal,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('meetingIds', { type: () => [ID], nullable: true }) meetingIds?: string[] | null,
  ): Promise<ScheduleModel> {
    return ScheduleModel.from(await this.refills.apply(principal, proposalId, meetingIds));
  }
}
