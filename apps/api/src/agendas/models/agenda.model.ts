import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CompanyModel } from '../../companies/models/company.model';
import { SlotModel, TableModel } from '../../forums/models/forum.model';
import { DelegateModel } from '../../registrations/models/registration.model';
import { AttendanceStatusModel } from '../../scheduling/models/schedule.model';

@ObjectType('Counterpart', { description: 'The company on the other side of the table.' })
export class CounterpartModel extends CompanyModel {
  @Field(() => String, { nullable: true })
  side: string | null;

  @Field(() => [DelegateModel])
  delegates: DelegateModel[];
}

@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field(() => ID, { description: 'The meeting' })
  id: string;

  @Field(() => SlotModel)
  slot: SlotModel;

  @Field(() => TableModel)
  table: TableModel;

  @Field(() => CounterpartModel)
  counterpart: CounterpartModel;

  @Field({ description: 'An interpreter sits at this table' })
  interpreter: boolean;

  @Field({ description: 'SCHEDULED (pinned meetings too)' })
  status: string;

  @Field(() => AttendanceStatusModel, { nullable: true, description: 'On the forum day: HELD or NO_SHOW (absentCompanyId did not come); null: not marked' })
  attendance: 'HELD' | 'NO_SHOW' | null;

  @Field(() => ID, { nullable: true })
  absentCompanyId: string | null;
}

@ObjectType('CountBySide')
export class CountBySideModel {
  @Field(() => String, { nullable: true })
  side: string | null;

  @Field(() => Int)
  count: number;
}

@ObjectType('RegistrationsOnDay', { description: 'Registrations of one side made on one day (the forum\'s calendar date)' })
export class RegistrationsOnDayModel {
  @Field({ description: 'YYYY-MM-DD on the forum\'s clock' })
  date: string;

  @Field(() => String, { nullable: true })
  side: string | null;

  @Field(() => Int)
  count: number;
}

@ObjectType('ForumStats')
export class ForumStatsModel {
  @Field(() => [RegistrationsOnDayModel], { description: 'Registrations by day and side, oldest first' })
  registrationsByDay: RegistrationsOnDayModel[];

  @Field(() => Int, { description: 'Slots × tables: the meetings the forum can hold' })
  meetingPlaces: number;

  @Field(() => Int, { description: 'Slots × interpreter tables' })
  interpreterPlaces: number;

  @Field(() => Int, { description: 'Pairs with an open (pending or accepted) request: the meetings asked for' })
  requestedPairs: number;

  @Field(() => Int, { description: 'Of those, pairs with no language in common (they need an interpreter table)' })
  requestedPairsNeedingInterpreter: number;

  @Field(() => [CountBySideModel])
  registrationsBySide: CountBySideModel[];

  @Field(() => Int)
  requests: number;

  @Field(() => Int)
  requestsAccepted: number;

  @Field(() => Int)
  requestsDeclined: number;

  @Field(() => Int)
  requestsPending: number;

  @Field(() => Float, { description: 'Accepted over answered (accepted + declined), 0–1' })
  acceptanceRate: number;

  @Field(() => Int, { description: 'Meetings in the published schedule' })
  meetings: number;

  @Field(() => Int)
  meetingsPerCompanyMin: number;

  @Field(() => Float)
  meetingsPerCompanyMedian: number;

  @Field(() => Int)
  meetingsPerCompanyMax: number;

  @Field(() => Float, { description: 'Share of open requests whose pair meets, 0–1' })
  requestsFulfilled: number;

  @Field(() => Int, { description: "Idle slots between a company's meetings on a day, summed" })
  holes: number;
}

@ObjectType('CalendarFeed')
export class CalendarFeedModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Subscribe to this in a calendar app; it works without signing in until revoked. Shown once.' })
  url: string;
}
