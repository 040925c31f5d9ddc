import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { CompaniesService } from './companies.service';
import { CompanyProfileInput } from './dto/company-profile.input';
import { CompanyModel } from './models/company.model';

@Resolver(() => CompanyModel)
export class CompaniesResolver {
  constructor(private readonly companies: CompaniesService) {}

  @Roles('COMPANY')
  @Mutation(() => CompanyModel, { description: "The caller's company profile, replaced by the input." })
  async updateCompany(@CurrentPrincipal() principal: Principal, @Args('input') input: CompanyProfileInput): Promise<CompanyModel> {
    return CompanyModel.from(await this.companies.updateOwn(principal, input));
  }
}
