import { UseGuards } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, type Language } from '@forum/common';
import { LanguageEnum } from '../auth/models/user.model';
import { Throttle } from '@nestjs/throttler';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, type NotificationCategory, type NotificationKind, type NotificationStatus } from '@forum/db';
import { CurrentPrincipal, Public, Roles } from '../auth/auth.decorators';
import { GqlThrottlerGuard } from '../auth/gql-throttler.guard';
import { DateTimeScalar } from '../common/date-time.scalar';
import { graphqlEnum } from '../common/graphql-enum';
import type { Principal } from '../common/principal';
import { NotificationsService } from './notifications.service';

export const NotificationCategoryEnum = graphqlEnum(NOTIFICATION_CATEGORIES, 'NotificationCategory', 'What a person can mute: REQUESTS, REGISTRATION, AGENDA (SECURITY cannot be muted).');
export const NotificationKindEnum = graphqlEnum(NOTIFICATION_KINDS, 'NotificationKind');
export const NotificationStatusEnum = graphqlEnum(NOTIFICATION_STATUSES, 'NotificationStatus', 'PENDING (waiting for its time), QUEUED, SENDING, SENT, FAILED (after its retries), MERGED (sent inside another message).');

@ObjectType('OutboxMessage', { description: 'A message of the outbox, as its recipient reads it.' })
export class OutboxMessageModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationKindEnum) kind: NotificationKind;
  @Field(() => NotificationCategoryEnum) category: NotificationCategory;
  @Field() email: string;
  @Field() language: string;
  @Field(() => NotificationStatusEnum) status: NotificationStatus;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true, description: 'Why the last try failed.' }) lastError: string | null;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => DateTimeScalar, { description: 'Not before (a burst of changes waits to go as one).' }) sendAfter: Date;
  @Field(() => DateTimeScalar, { nullable: true }) sentAt: Date | null;
  @Field(() => String, { nullable: true, description: 'email, or mailbox (kept locally: no SMTP configured).' }) channel: string | null;
  @Field() subject: string;
  @Field() text: string;
}

@ObjectType('NotificationTemplate', { description: "One kind of a forum's messages in one language: the organiser's words, or the product's." })
export class NotificationTemplateModel {
  @Field(() => NotificationKindEnum) kind: NotificationKind;
  @Field(() => LanguageEnum) language: Language;
  @Field() subject: string;
  @Field({ description: 'Paragraphs separated by a blank line; the greeting, lists, button and unsubscribe line are added around them.' }) body: string;
  @Field({ description: "Whether these are the organiser's own words." }) custom: boolean;
  @Field(() => [String], { description: 'The {{placeholders}} this kind may use.' }) placeholders: string[];
}

@ObjectType('RenderedMessage')
export class RenderedMessageModel {
  @Field() subject: string;
  @Field() text: string;
  @Field() html: string;
}

@InputType()
export class NotificationTemplateInput {
  @Field(() => NotificationKindEnum) @IsIn([...NOTIFICATION_KINDS]) kind: NotificationKind;
  @Field(() => LanguageEnum) @IsIn([...LANGUAGES]) language: Language;
  @Field() @IsString() @MaxLength(300) subject: string;
  @Field() @IsString() @MaxLength(5000) body: string;
}

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles('ORGANIZER')
  @Query(() => [OutboxMessageModel], { description: "The forum's outbox, newest first (its organiser only)." })
  outbox(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('status', { type: () => NotificationStatusEnum, nullable: true }) status: NotificationStatus | undefined,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<OutboxMessageModel[]> {
    return this.notifications.outbox(principal, forumId, status ?? undefined, first);
  }

  @Query(() => [NotificationCategoryEnum], { description: 'The categories of messages your account does not want.' })
  mutedNotifications(@CurrentPrincipal() principal: Principal): Promise<NotificationCategory[]> {
    return this.notifications.muted(principal);
  }

  @Mutation(() => [NotificationCategoryEnum], { description: 'Sets the categories your account does not want (not SECURITY).' })
  setMutedNotifications(
    @CurrentPrincipal() principal: Principal,
    @Args('categories', { type: () => [NotificationCategoryEnum] }) categories: NotificationCategory[],
  ): Promise<NotificationCategory[]> {
    return this.notifications.setMuted(principal, categories);
  }

  @Public()
  @UseGuards(GqlThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Mutation(() => NotificationCategoryEnum, { description: "An email's unsubscribe link: mutes its category for its account, without signing in." })
  unsubscribe(@Args('token') token: string): Promise<NotificationCategory> {
    return this.notifications.unsubscribe(token);
  }

  @Roles('ORGANIZER')
  @Query(() => [NotificationTemplateModel], { description: "The forum's messages, every kind in every language, as they will be worded." })
  notificationTemplates(@CurrentPrincipal() principal: Principal, @Args('forumId', { type: () => ID }) forumId: string): Promise<NotificationTemplateModel[]> {
    return this.notifications.templates(principal, forumId);
  }

  @Roles('ORGANIZER')
  @Mutation(() => NotificationTemplateModel, { description: "Words one kind of the forum's messages in one language; an unknown {{placeholder}} is BAD_USER_INPUT." })
  setNotificationTemplate(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('input') input: NotificationTemplateInput,
  ): Promise<NotificationTemplateModel> {
    return this.notifications.setTemplate(principal, forumId, input);
  }

  @Roles('ORGANIZER')
  @Mutation(() => NotificationTemplateModel, { description: "Back to the product's words." })
  resetNotificationTemplate(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('kind', { type: () => NotificationKindEnum }) kind: NotificationKind,
    @Args('language', { type: () => LanguageEnum }) language: Language,
  ): Promise<NotificationTemplateModel> {
    return this.notifications.resetTemplate(principal, forumId, kind, language);
  }

  @Roles('ORGANIZER')
  @Query(() => RenderedMessageModel, { description: 'A message as a recipient would read it with these words, sample names and times (the editor\'s live preview).' })
  previewNotification(
    @CurrentPrincipal() principal: Principal,
    @Args('forumId', { type: () => ID }) forumId: string,
    @Args('input') input: NotificationTemplateInput,
  ): Promise<RenderedMessageModel> {
    return this.notifications.preview(principal, forumId, input);
  }
}
