import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { BadInputError } from '../common/domain-errors';
import type { Principal } from '../common/principal';
import { CompanyModel } from '../companies/models/company.model';
import { RecommendationModel, RecommendationReasonModel } from './models/recommendation.model';
import { RecommendationsService } from './recommendations.service';

@Resolver(() => RecommendationModel)
export class RecommendationsResolver {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Roles('COMPANY', 'DELEGATE')
  @Query(() => [RecommendationModel], { description: 'Ranked partners from the other side, with reasons.' })
  async recommendedPartners(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<RecommendationModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 50) throw new BadInputError('first: give 1 to 50');
    return (await this.recommendations.recommend(principal, forumId, first)).map(({ company, fit }) => ({
      company: CompanyModel.from(company),
      score: fit.score,
      reasons: fit.reasons,
      why: fit.why.map(RecommendationReasonModel.from),
    }));
  }
}
