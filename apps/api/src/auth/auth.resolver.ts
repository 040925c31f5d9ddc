import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import type { Principal } from '../common/principal';
import { CompanyLoader } from '../companies/company.loader';
import { CompanyModel } from '../companies/models/company.model';
import { CurrentPrincipal, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { CreateDelegateAccountInput } from './dto/create-delegate-account.input';
import { ChangePasswordInput, ResetPasswordInput } from './dto/change-password.input';
import { BadInputError } from '../common/domain-errors';
import { LoginInput } from './dto/login.input';
import { SignUpInput } from './dto/sign-up.input';
import { GqlThrottlerGuard } from './gql-throttler.guard';
import { AuthPayload, LanguageEnum, UserModel } from './models/user.model';
import type { Language } from '@forum/common';

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly companies: CompanyLoader,
  ) {}

  @Public()
  @UseGuards(GqlThrottlerGuard)
  // Per address, high enough for an on-site registration desk.
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @Mutation(() => AuthPayload, { description: "Creates a company representative's account with the company's profile." })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    const session = await this.auth.signUp(input);
    return { accessToken: session.accessToken, user: UserModel.from(session.user) };
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  // Per address, high enough for a hundred delegates behind one venue Wi-Fi; wrong passwords are limited per account (FailedLogins).
  @Throttle({ default: { limit: 300, ttl: 60_000 } })
  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    const session = await this.auth.login(input.email, input.password);
    return { accessToken: session.accessToken, user: UserModel.from(session.user) };
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Mutation(() => Boolean, { description: 'Emails a link to choose a new password (valid one hour, once) if the address has an account; answers true either way.' })
  async requestPasswordReset(@Args('email', { type: () => String }) email: string): Promise<boolean> {
    if (typeof email !== 'string' || email.length > 254) throw new BadInputError('email: give an email address');
    await this.auth.requestPasswordReset(email);
    return true;
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Mutation(() => Boolean, { description: "Sets a new password with a reset link's token; the link is then used up and every session of the account ends." })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.auth.resetPassword(input.token, input.newPassword);
    return true;
  }

  @Query(() => UserModel, { description: 'The signed-in user, with role and company.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserModel> {
    return UserModel.from(await this.auth.me(principal));
  }

  @UseGuards(GqlThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Mutation(() => AuthPayload, { description: 'Changes your password and ends every session of your account at once; answers a new token for this client.' })
  async changePassword(@CurrentPrincipal() principal: Principal, @Args('input') input: ChangePasswordInput): Promise<AuthPayload> {
    const session = await this.auth.changePassword(principal, input.currentPassword, input.newPassword);
    return { accessToken: session.accessToken, user: UserModel.from(session.user) };
  }

  @Mutation(() => Boolean, { description: 'Ends every session of your account (every device), this one included.' })
  async signOutEverywhere(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await this.auth.signOutEverywhere(principal);
    return true;
  }

  @Mutation(() => UserModel, { description: 'Chooses the language of your files and messages; null: from your company\'s languages.' })
  async setPreferredLanguage(
    @CurrentPrincipal() principal: Principal,
    @Args('language', { type: () => LanguageEnum, nullable: true }) language: Language | null,
  ): Promise<UserModel> {
    return UserModel.from(await this.auth.setPreferredLanguage(principal, language ?? null));
  }

  @Roles('COMPANY')
  @UseGuards(GqlThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Mutation(() => UserModel, { description: "A read-only account for one of the caller's company's delegates." })
  async createDelegateAccount(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateDelegateAccountInput,
  ): Promise<UserModel> {
    return UserModel.from(await this.auth.createDelegateAccount(principal, input));
  }

  // Public: a User is only ever returned to itself (signUp, login, me), including before it holds a token.
  @Public()
  @ResolveField(() => CompanyModel, { nullable: true })
  async company(@Parent() user: UserModel): Promise<CompanyModel | null> {
    if (!user.companyId) return null;
    const company = await this.companies.load(user.companyId);
    return company ? CompanyModel.from(company) : null;
  }
}
