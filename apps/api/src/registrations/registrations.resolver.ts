import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { DelegatesLoader } from './delegates.loader';
import { ParticipantsArgs } from './dto/participants.args';
import { RegisterForForumInput, UpdateRegistrationInput } from './dto/register-for-forum.input';
import { DelegateModel, ParticipantConnection, ParticipantModel, RegistrationModel, RegistrationStatusModel } from './models/registration.model';
import { encodeCursor, RegistrationsService } from './registrations.service';

@Resolver(() => ParticipantModel)
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly delegateLoader: DelegatesLoader,
  ) {}

  @Roles('COMPANY')
  @Mutation(() => RegistrationModel, { description: "Registers the caller's company for an OPEN forum." })
  async registerForForum(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('input') input: RegisterForForumInput,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.register(principal, forumId, input), true);
  }

  @Roles('COMPANY')
  @Mutation(() => RegistrationModel, { description: "Changes the caller's company's availability or meeting limit while the forum is OPEN." })
  async updateMyRegistration(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('input') input: UpdateRegistrationInput,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.updateOwn(principal, forumId, input), true);
  }

  @Query(() => RegistrationModel, { nullable: true, description: "The caller's company's registration for a forum." })
  async myRegistration(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
  ): Promise<RegistrationModel | null> {
    const registration = await this.registrations.findOwn(principal, forumId);
    return registration ? RegistrationModel.from(registration, true) : null;
  }

  @Roles('ORGANIZER')
  @Mutation(() => RegistrationModel, { description: 'Approves or rejects a registration of your forum: only APPROVED companies are seen by others and scheduled.' })
  async setRegistrationStatus(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => RegistrationStatusModel }) status: RegistrationStatusModel,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.setStatus(principal, id, status), true);
  }

  @Roles('ORGANIZER')
  @Query(() => [RegistrationModel], { name: 'registrations', description: "The organiser's forum: every registration with its company, delegates (with emails) and unavailable slots." })
  async forumRegistrations(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<RegistrationModel[]> {
    return (await this.registrations.forForum(principal, forumId)).map(({ registration, activity }) => Object.assign(RegistrationModel.from(registration, true), { activity }));
  }

  @Query(() => ParticipantConnection, { description: 'The companies registered for a forum, in name order.' })
  async participants(@CurrentPrincipal() principal: Principal, @Args() args: ParticipantsArgs): Promise<ParticipantConnection> {
    const page = await this.registrations.participants(principal, args.forumId, args.filter, args.first, args.after);
    const organizer = await this.registrations.isForumOrganizer(principal, args.forumId);
    return {
      edges: page.rows.map((row) => ({
        node: ParticipantModel.fromRegistration(row, organizer || row.companyId === principal.companyId),
        cursor: encodeCursor(row.company.name, row.company.id),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  @Query(() => ParticipantModel, { description: 'One company registered for a forum: its profile and delegates (emails only for itself and the organiser).' })
  async participant(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('companyId', { type: () => ID }) companyId: string,
  ): Promise<ParticipantModel> {
    const row = await this.registrations.participant(principal, forumId, companyId);
    const organizer = await this.registrations.isForumOrganizer(principal, forumId);
    return ParticipantModel.fromRegistration(row, organizer || row.companyId === principal.companyId);
  }

  @ResolveField(() => [DelegateModel])
  async delegates(@Parent() participant: ParticipantModel): Promise<DelegateModel[]> {
    return (await this.delegateLoader.load(participant.registrationId)).map((delegate) =>
      DelegateModel.from(delegate, participant.showEmails),
    );
  }
}
