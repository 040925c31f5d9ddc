import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AttendanceStatus } from '@forum/db';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { RegistrationModel } from '../registrations/models/registration.model';
import { AttendanceStatusModel, MeetingModel } from '../scheduling/models/schedule.model';
import { ForumDayService } from './forum-day.service';

@Resolver()
export class ForumDayResolver {
  constructor(private readonly forumDay: ForumDayService) {}

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
}
