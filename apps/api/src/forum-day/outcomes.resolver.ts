import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { ForumOutcomesModel, MeetingOutcomeModel, OutcomeInput, OutcomeRoundModel } from './models/outcome.model';
import { OutcomesService } from './outcomes.service';

@Resolver()
export class OutcomesResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Roles('COMPANY', 'DELEGATE')
  @Mutation(() => MeetingOutcomeModel, { description: "Records (or updates) the caller's company's outcome of a published meeting, in the forum's current round." })
  async recordOutcome(@CurrentPrincipal() principal: Principal, @Args('meetingId', { type: () => ID }) meetingId: string, @Args('input') input: OutcomeInput): Promise<MeetingOutcomeModel> {
    return MeetingOutcomeModel.from(await this.outcomes.record(principal, meetingId, input));
  }

  @Roles('COMPANY', 'DELEGATE')
  @Query(() => [MeetingOutcomeModel], { description: "The caller's company's outcomes in a forum (per meeting, its latest round); notes included, they are its own." })
  async myOutcomes(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<MeetingOutcomeModel[]> {
    return (await this.outcomes.mine(principal, forumId)).map(MeetingOutcomeModel.from);
  }

  @Query(() => [OutcomeRoundModel], { description: "The follow-ups the organiser asked for, oldest first (empty: only the forum day so far); the forum's organiser and its registered companies." })
  async outcomeRounds(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<OutcomeRoundModel[]> {
    return (await this.outcomes.rounds(principal, forumId)).map(OutcomeRoundModel.from);
  }

  @Roles('ORGANIZER')
  @Mutation(() => OutcomeRoundModel, { description: 'Asks every company with meetings to update its outcomes (e.g. 3 or 6 months on): a new round, and a message to each.' })
  async requestOutcomeFollowUp(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string, @Args('months', { type: () => Int }) months: number): Promise<OutcomeRoundModel> {
    return OutcomeRoundModel.from(await this.outcomes.requestFollowUp(principal, forumId, months));
  }

  @Roles('ORGANIZER')
  @Query(() => ForumOutcomesModel, { description: 'Attendance, re-fills and reported outcomes, by side, sector and round (statuses and values; never notes).' })
  async forumOutcomes(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<ForumOutcomesModel> {
    return ForumOutcomesModel.from(await this.outcomes.report(principal, forumId));
  }
}
