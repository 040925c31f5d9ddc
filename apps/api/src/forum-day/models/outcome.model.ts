import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { OUTCOME_CURRENCIES, OUTCOME_INTERESTS, OUTCOME_STATUSES, type MeetingOutcome, type OutcomeCurrency, type OutcomeInterest, type OutcomeRound, type OutcomeStatus } from '@forum/db';
import { graphqlEnum } from '../../common/graphql-enum';
import { DateTimeScalar } from '../../common/date-time.scalar';
import type { ForumOutcomesData, OutcomeTotals } from '../outcomes.service';

export const OutcomeInterestModel = graphqlEnum(OUTCOME_INTERESTS, 'OutcomeInterest', 'How interested the company is in going on with this counterpart');
export const OutcomeStatusModel = graphqlEnum(OUTCOME_STATUSES, 'OutcomeStatus', 'Where the business with this counterpart stands');
export const CurrencyModel = graphqlEnum(OUTCOME_CURRENCIES, 'Currency', 'Currency of an expected value');

@InputType()
export class OutcomeInput {
  @Field(() => OutcomeInterestModel)
  @IsIn(OUTCOME_INTERESTS)
  interest: OutcomeInterest;

  @Field(() => OutcomeStatusModel)
  @IsIn(OUTCOME_STATUSES)
  status: OutcomeStatus;

  @Field(() => Float, { nullable: true, description: 'Expected value of the business, in currency' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  valueAmount?: number | null;

  @Field(() => CurrencyModel, { nullable: true })
  @IsOptional()
  @IsIn(OUTCOME_CURRENCIES)
  currency?: OutcomeCurrency | null;

  @Field(() => String, { nullable: true, description: "The company's own note: never shown to the other company or the organiser" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType('MeetingOutcome', { description: "A company's own outcome of a meeting (its latest round)" })
export class MeetingOutcomeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => Int, { description: '0: the forum day; then each follow-up the organiser asked for' })
  round: number;

  @Field(() => OutcomeInterestModel)
  interest: OutcomeInterest;

  @Field(() => OutcomeStatusModel)
  status: OutcomeStatus;

  @Field(() => Float, { nullable: true })
  valueAmount: number | null;

  @Field(() => CurrencyModel, { nullable: true })
  currency: OutcomeCurrency | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  static from(outcome: MeetingOutcome): MeetingOutcomeModel {
    return Object.assign(new MeetingOutcomeModel(), {
      id: outcome.id,
      meetingId: outcome.meetingId,
      round: outcome.round,
      interest: outcome.interest,
      status: outcome.status,
      valueAmount: outcome.valueAmount === null ? null : Number(outcome.valueAmount),
      currency: outcome.currency,
      note: outcome.note,
      updatedAt: outcome.updatedAt,
    });
  }
}

@ObjectType('OutcomeRound', { description: 'A follow-up the organiser asked for' })
export class OutcomeRoundModel {
  @Field(() => Int)
  round: number;

  @Field(() => Int, { description: 'Months after the forum' })
  months: number;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  static from(round: OutcomeRound): OutcomeRoundModel {
    return Object.assign(new OutcomeRoundModel(), { round: round.round, months: round.months, requestedAt: round.requestedAt });
  }
}

@ObjectType('ValueTotal')
export class ValueTotalModel {
  @Field(() => CurrencyModel)
  currency: OutcomeCurrency;

  @Field(() => Float)
  amount: number;
}

@ObjectType('OutcomeTotals', { description: "What the companies reported (each company's own report counts once per meeting)" })
export class OutcomeTotalsModel {
  @Field({ description: 'The side, sector or round these totals are of' })
  key: string;

  @Field(() => Int, { description: 'Meetings of this group' })
  meetings: number;

  @Field(() => Int, { description: 'Reports received (up to two per meeting)' })
  reported: number;

  @Field(() => Int)
  strongInterest: number;

  @Field(() => Int)
  inDiscussion: number;

  @Field(() => Int)
  mou: number;

  @Field(() => Int)
  signed: number;

  @Field(() => [ValueTotalModel], { description: 'Expected value reported, per currency' })
  values: ValueTotalModel[];

  static from(totals: OutcomeTotals): OutcomeTotalsModel {
    return Object.assign(new OutcomeTotalsModel(), { ...totals, values: totals.values.map((value) => Object.assign(new ValueTotalModel(), value)) });
  }
}

@ObjectType('RoundTotals', { description: 'How the reports stood at a round: the forum day (0) or a follow-up' })
export class RoundTotalsModel {
  @Field(() => Int)
  round: number;

  @Field(() => Int, { description: 'Months after the forum (0: the forum day)' })
  months: number;

  @Field(() => OutcomeTotalsModel)
  totals: OutcomeTotalsModel;
}

@ObjectType('SideCount')
export class SideCountModel {
  @Field()
  side: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('ForumOutcomes', { description: "The organiser's report of the forum day and after" })
export class ForumOutcomesModel {
  @Field(() => Int, { description: 'Meetings of the published schedule before the day (re-fills not counted), freed ones included' })
  planned: number;

  @Field(() => Int)
  held: number;

  @Field(() => Int, { description: 'Marked NO_SHOW, or freed because a company was marked absent' })
  noShows: number;

  @Field(() => Int, { description: 'Not marked either way' })
  unmarked: number;

  @Field(() => Int, { description: 'Meetings added by re-fills' })
  refilled: number;

  @Field(() => Int, { description: 'Meetings freed by absent companies' })
  freed: number;

  @Field(() => [SideCountModel], { description: 'No-shows by the side of the company that did not come' })
  noShowsBySide: SideCountModel[];

  @Field(() => OutcomeTotalsModel)
  totals: OutcomeTotalsModel;

  @Field(() => [OutcomeTotalsModel])
  bySide: OutcomeTotalsModel[];

  @Field(() => [OutcomeTotalsModel])
  bySector: OutcomeTotalsModel[];

  @Field(() => [RoundTotalsModel], { description: 'How the reports stood at the forum day (round 0) and after each follow-up' })
  rounds: RoundTotalsModel[];

  static from(data: ForumOutcomesData): ForumOutcomesModel {
    return Object.assign(new ForumOutcomesModel(), {
      ...data,
      noShowsBySide: data.noShowsBySide.map((entry) => Object.assign(new SideCountModel(), entry)),
      totals: OutcomeTotalsModel.from(data.totals),
      bySide: data.bySide.map(OutcomeTotalsModel.from),
      bySector: data.bySector.map(OutcomeTotalsModel.from),
      rounds: data.rounds.map((round) => Object.assign(new RoundTotalsModel(), { round: round.round, months: round.months, totals: OutcomeTotalsModel.from(round) })),
    });
  }
}
