import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@forum/common';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { slotInZone } from '../forums/models/forum.model';
import { AgendasService } from './agendas.service';
import type { AgendaEntry } from './agenda.query';
import { AgendaItemModel, CalendarFeedModel, ForumStatsModel } from './models/agenda.model';

@Resolver(() => AgendaItemModel)
export class AgendasResolver {
  constructor(
    private readonly agendas: AgendasService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles('COMPANY', 'DELEGATE', 'ORGANIZER')
  @Query(() => [AgendaItemModel], { description: "The caller's company's meetings in the published schedule, in time order; the forum's organiser names the company (companyId) to see it as that company does." })
  async agenda(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('companyId', { type: () => ID, nullable: true }) companyId?: string | null,
  ): Promise<AgendaItemModel[]> {
    const { forum, entries } = companyId ? await this.agendas.agendaOfCompany(principal, forumId, companyId) : await this.agendas.agendaFor(principal, forumId);
    return itemsOf(entries, forum.timeZone);
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

/** The items of agendas shared between answers (AgendaCache holds them), made once per zone. */
const itemsByEntries = new WeakMap<readonly AgendaEntry[], { timeZone: string; items: AgendaItemModel[] }>();

/** An agenda's entries as the API shows them. Answers share the items: nothing may change them. */
export function itemsOf(entries: readonly AgendaEntry[], timeZone: string): AgendaItemModel[] {
  const made = itemsByEntries.get(entries);
  if (made && made.timeZone === timeZone) return made.items;
  const items = entries.map(
    (entry): AgendaItemModel => ({
      id: entry.meetingId,
      slot: slotInZone(entry.slot, timeZone),
      table: entry.table,
      interpreter: entry.table.interpreter,
      status: 'SCHEDULED',
      attendance: entry.attendance,
      absentCompanyId: entry.absentCompanyId,
      counterpart: {
        ...entry.counterpart,
        side: entry.counterpartSide,
        // Another company's delegates: names, titles and languages, never emails.
        delegates: entry.counterpartDelegates.map((delegate) => ({ ...delegate, email: null })),
      },
    }),
  );
  if (Object.isFrozen(entries)) itemsByEntries.set(entries, { timeZone, items });
  return items;
}
