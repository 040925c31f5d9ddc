import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { CreateForumInput, UpdateForumInput } from './dto/create-forum.input';
import { ForumPartsLoader } from './forum-parts.loader';
import { ForumsService } from './forums.service';
import { ForumModel, ForumStatusModel, SessionModel, SlotModel, TableModel } from './models/forum.model';

@Resolver(() => ForumModel)
export class ForumsResolver {
  constructor(
    private readonly forumsService: ForumsService,
    private readonly parts: ForumPartsLoader,
  ) {}

  @Roles('ORGANIZER')
  @Mutation(() => ForumModel, { description: 'A new forum in DRAFT, with its slots and tables.' })
  async createForum(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateForumInput): Promise<ForumModel> {
    return ForumModel.from(await this.forumsService.create(principal, input));
  }

  @Roles('ORGANIZER')
  @Mutation(() => ForumModel)
  async updateForum(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateForumInput,
  ): Promise<ForumModel> {
    return ForumModel.from(await this.forumsService.update(principal, id, input));
  }

  @Roles('ORGANIZER')
  @Mutation(() => ForumModel, { description: 'DRAFT → OPEN → REQUESTS_CLOSED → SCHEDULED → CLOSED' })
  async setForumStatus(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => ForumStatusModel }) status: ForumStatusModel,
  ): Promise<ForumModel> {
    return ForumModel.from(await this.forumsService.setStatus(principal, id, status));
  }

  @Query(() => ForumModel)
  async forum(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<ForumModel> {
    return ForumModel.from(await this.forumsService.findVisible(principal, id));
  }

  @Query(() => [ForumModel], { description: 'Organisers: their forums. Companies and delegates: every forum past DRAFT.' })
  async forums(@CurrentPrincipal() principal: Principal): Promise<ForumModel[]> {
    return (await this.forumsService.list(principal)).map((forum) => ForumModel.from(forum));
  }

  @ResolveField(() => [SessionModel])
  async sessions(@Parent() forum: ForumModel): Promise<SessionModel[]> {
    return (await this.parts.sessions.load(forum.id)).map((session) => SessionModel.from(session));
  }

  @ResolveField(() => [SlotModel])
  async slots(@Parent() forum: ForumModel): Promise<SlotModel[]> {
    return (await this.parts.slots.load(forum.id)).map((slot) => SlotModel.from(slot, forum.timeZone));
  }

  @ResolveField(() => [TableModel])
  async tables(@Parent() forum: ForumModel): Promise<TableModel[]> {
    return (await this.parts.tables.load(forum.id)).map((table) => TableModel.from(table));
  }
}
