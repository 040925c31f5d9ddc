import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Forum, ForumSession, ForumTable, Slot } from '@forum/db';
import { localClock, localDateTime } from '@forum/common';

export enum ForumStatusModel {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  REQUESTS_CLOSED = 'REQUESTS_CLOSED',
  SCHEDULED = 'SCHEDULED',
  CLOSED = 'CLOSED',
}
registerEnumType(ForumStatusModel, { name: 'ForumStatus' });

@ObjectType('Session')
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
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

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;

  @Field({ description: "Start on the forum's wall clock, e.g. 2024-06-10T09:00:00+07:00" })
  localStartsAt: string;

  @Field({ description: "End on the forum's wall clock" })
  localEndsAt: string;

  @Field({ description: 'e.g. 09:00–09:30 (forum time)' })
  label: string;

  static from(slot: Slot, timeZone: string): SlotModel {
    return Object.assign(new SlotModel(), {
      id: slot.id,
      position: slot.position,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      localStartsAt: localDateTime(slot.startsAt, timeZone),
      localEndsAt: localDateTime(slot.endsAt, timeZone),
      label: `${localClock(slot.startsAt, timeZone)}–${localClock(slot.endsAt, timeZone)}`,
    });
  }
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

  @Field(() => GraphQLISODateTime, { nullable: true })
  requestDeadline: Date | null;

  @Field()
  sideMustMatchCountry: boolean;

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
    });
  }
}
