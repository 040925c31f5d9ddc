import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@forum/common';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { CompanyModel } from '../companies/models/company.model';
import { SlotModel, TableModel } from '../forums/models/forum.model';
import { DelegateModel } from '../registrations/models/registration.model';
import { AgendaEntry, AgendasService } from './agendas.service';
import { AgendaItemModel, CalendarFeedModel, CounterpartModel, ForumStatsModel } from './models/agenda.model';

@Resolver(() => AgendaItemModel)
export class AgendasResolver {
  constructor(
    private readonly agendas: AgendasService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles('COMPANY', 'DELEGATE')
  @Query(() => [AgendaItemModel], { description: "The caller's company's meetings in the published schedule, in time order." })
  async agenda(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<AgendaItemModel[]> {
    const agenda = await this.agendas.agendaFor(principal, forumId);
    // Built once per cached agenda: the agenda is read far more often than it changes.
    agenda.rendered ??= this.render(agenda.forum.timeZone, agenda.entries);
    return agenda.rendered as AgendaItemModel[];
  }

  private render(timeZone: string, entries: AgendaEntry[]): AgendaItemModel[] {
    return entries.map((entry) => ({
      id: entry.meeting.id,
      slot: SlotModel.from(entry.slot, timeZone),
      table: TableModel.from(entry.table),
      interpreter: entry.table.interpreter,
      status: 'SCHEDULED',
      counterpart: Object.assign(new CounterpartModel(), CompanyModel.from(entry.counterpart), {
        side: entry.counterpartSide,
        // Another company's delegates: names, titles and languages, never emails.
        delegates: entry.counterpartDelegates.map((delegate) => DelegateModel.from(delegate, false)),
      }),
    }));
  }

  @Roles('ORGANIZER')
  @Query(() => ForumStatsModel, { description: 'Registrations, requests, acceptance, meetings per company, requests fulfilled, holes.' })
  async forumStats(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<ForumStatsModel> {
    return this.agendas.stats(principal, forumId);
  }

  @Roles('COMPANY', 'DELEGATE')
  @Mutation(() => CalendarFeedModel, { description: 'A secret URL of your agenda for calendar apps (no sign-in needed), until revoked.' })
  async createCalendarFeed(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<CalendarFeedModel> {
    const { feed, token } = await this.agendas.createFeed(principal, forumId);
    return { id: feed.id, url: `/forums/${forumId}/agenda.ics?token=${token}` };
  }

  @Roles('COMPANY', 'DELEGATE')
  @Mutation(() => ID, { description: 'Stops a calendar feed URL from working.' })
  async revokeCalendarFeed(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return (await this.agendas.revokeFeed(principal, id)).id;
  }
}
