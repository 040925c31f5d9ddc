import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { CompanyLoader } from '../companies/company.loader';
import { CompanyModel } from '../companies/models/company.model';
import { RequestMeetingInput } from './dto/request-meeting.input';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingRequestModel, RequestDirection } from './models/meeting-request.model';

@Resolver(() => MeetingRequestModel)
export class MeetingRequestsResolver {
  constructor(
    private readonly requests: MeetingRequestsService,
    private readonly companies: CompanyLoader,
  ) {}

  @Roles('COMPANY')
  @Mutation(() => MeetingRequestModel, { description: 'Priority 1 (low) to 5 (high); one open request per pair; only across sides.' })
  async requestMeeting(@CurrentPrincipal() principal: Principal, @Args('input') input: RequestMeetingInput): Promise<MeetingRequestModel> {
    return MeetingRequestModel.from(await this.requests.request(principal, input));
  }

  @Roles('COMPANY')
  @Mutation(() => MeetingRequestModel, { description: 'The receiving company accepts or declines.' })
  async respondToMeetingRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<MeetingRequestModel> {
    return MeetingRequestModel.from(await this.requests.respond(principal, id, accept));
  }

  @Roles('COMPANY')
  @Mutation(() => MeetingRequestModel, { description: 'The sender withdraws.' })
  async withdrawMeetingRequest(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<MeetingRequestModel> {
    return MeetingRequestModel.from(await this.requests.withdraw(principal, id));
  }

  @Roles('COMPANY', 'DELEGATE')
  @Query(() => [MeetingRequestModel], { description: "The caller's company's requests, SENT or RECEIVED." })
  async meetingRequests(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('direction', { type: () => RequestDirection }) direction: RequestDirection,
  ): Promise<MeetingRequestModel[]> {
    return (await this.requests.list(principal, forumId, direction)).map((request) => MeetingRequestModel.from(request));
  }

  @Roles('ORGANIZER')
  @Query(() => [MeetingRequestModel], { description: "The organiser's forum: accepted requests whose pair has no meeting in the published schedule (to add by hand)." })
  async unscheduledRequests(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<MeetingRequestModel[]> {
    return (await this.requests.unscheduled(principal, forumId)).map((request) => MeetingRequestModel.from(request));
  }

  @ResolveField(() => CompanyModel)
  async from(@Parent() request: MeetingRequestModel): Promise<CompanyModel> {
    return CompanyModel.from(request.fromCompany ?? (await this.companies.load(request.fromCompanyId))!);
  }

  @ResolveField(() => CompanyModel)
  async to(@Parent() request: MeetingRequestModel): Promise<CompanyModel> {
    return CompanyModel.from(request.toCompany ?? (await this.companies.load(request.toCompanyId))!);
  }
}
