import { LRUCache } from 'lru-cache';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FORUM_STATUSES, type Forum, type ForumSession, type ForumStatus, type ForumTable, type Slot } from '@forum/db';
import { graphqlEnum } from '../../common/graphql-enum';
import { localDateTime } from '@forum/common';

export const ForumStatusModel = graphqlEnum(FORUM_STATUSES, 'ForumStatus');
export type ForumStatusModel = ForumStatus;

@ObjectType('Session')
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  static from(session: ForumSession): SessionModel {
    return Object.assign(new SessionModel(), { id: session.id, startsAt: session.startsAt, endsAt: session.endsAt });
  }
}

@ObjectType('Slot', { description: 'One meeting time; startsAt/endsAt are instants (UTC in JSON), shown in the forum time zone.' })
export class SlotModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Order within the forum, from 0' })
  position: number;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field({ description: "Start on the forum's wall clock, e.g. 2024-06-10T09:00:00+07:00" })
  localStartsAt: string;

  @Field({ description: "End on the forum's wall clock" })
  localEndsAt: string;

  @Field({ description: 'e.g. 09:00–09:30 (forum time)' })
  label: string;

  static from(slot: Pick<Slot, 'id' | 'position' | 'startsAt' | 'endsAt'>, timeZone: string): SlotModel {
    return Object.assign(new SlotModel(), slotInZone(slot, timeZone));
  }
}

/**
 * A slot on the forum's clock. Formatted once per slot, zone and times (the
 * key holds everything the answer depends on, so an entry is never stale) and
 * shared by every agenda that shows the slot.
 */
const slotsInZone = new LRUCache<string, SlotModel>({ max: 20_000 });

export function slotInZone(slot: Pick<Slot, 'id' | 'position' | 'startsAt' | 'endsAt'>, timeZone: string): SlotModel {
  const key = `${slot.id}|${slot.position}|${slot.startsAt.getTime()}|${slot.endsAt.getTime()}|${timeZone}`;
  let model = slotsInZone.get(key);
  if (!model) {
    const localStartsAt = localDateTime(slot.startsAt, timeZone);
    const localEndsAt = localDateTime(slot.endsAt, timeZone);
    model = Object.freeze({
      id: slot.id,
      position: slot.position,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      localStartsAt,
      localEndsAt,
      label: `${localStartsAt.slice(11, 16)}–${localEndsAt.slice(11, 16)}`,
    });
    slotsInZone.set(key, model);
  }
  return model;
}

@ObjectType('Table')
export class TableModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  number: number;

  @Field()
  label: string;

  @Field({ description: 'A Korean–Vietnamese interpreter sits here' })
  interpreter: boolean;

  static from(table: ForumTable): TableModel {
    return Object.assign(new TableModel(), { id: table.id, number: table.number, label: table.label, interpreter: table.interpreter });
  }
}

@ObjectType('Forum')
export class ForumModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  venue: string | null;

  @Field()
  timeZone: string;

  @Field(() => ForumStatusModel)
  status: ForumStatusModel;

  @Field(() => [String])
  sides: string[];

  @Field(() => Int)
  slotMinutes: number;

  @Field(() => Int)
  breakMinutes: number;

  @Field(() => Int)
  maxMeetingsPerCompany: number;

  @Field(() => DateTimeScalar, { nullable: true })
  requestDeadline: Date | null;

  @Field()
  sideMustMatchCountry: boolean;

  @Field({ description: "Registrations wait for the organiser's approval" })
  requireApproval: boolean;

  static from(forum: Forum): ForumModel {
    return Object.assign(new ForumModel(), {
      id: forum.id,
      name: forum.name,
      venue: forum.venue,
      timeZone: forum.timeZone,
      status: forum.status as ForumStatusModel,
      sides: forum.sides,
      slotMinutes: forum.slotMinutes,
      breakMinutes: forum.breakMinutes,
      maxMeetingsPerCompany: forum.maxMeetingsPerCompany,
      requestDeadline: forum.requestDeadline,
      sideMustMatchCountry: forum.sideMustMatchCountry,
      requireApproval: forum.requireApproval,
    });
  }
}
