import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { ATTENDANCE_STATUSES, SCHEDULE_RUN_STATUSES, type AttendanceStatus, type Meeting, type Schedule, type ScheduleRun, type ScheduleRunStatus } from '@forum/db';
import { graphqlEnum } from '../../common/graphql-enum';

export const ScheduleRunStatusModel = graphqlEnum(SCHEDULE_RUN_STATUSES, 'ScheduleRunStatus');
export type ScheduleRunStatusModel = ScheduleRunStatus;

@ObjectType('ScheduleStats')
export class ScheduleStatsModel {
  @Field(() => Int)
  meetings: number;

  @Field(() => Int, { description: 'Open requests (pending or accepted) whose pair meets' })
  requestsFulfilled: number;

  @Field(() => Int)
  requestsTotal: number;

  @Field(() => Float)
  weight: number;

  @Field(() => Float, { description: 'No schedule of this forum can weigh more' })
  upperBound: number;

  @Field(() => Float, { description: '(upperBound − weight) / upperBound' })
  gap: number;

  @Field({ description: 'The weight is proven the best possible: it meets the bound, or the exact model proved it' })
  optimal: boolean;

  @Field(() => Int, { description: "Idle slots between a company's meetings on a day" })
  holes: number;

  @Field(() => Int, { description: 'Idle runs between meetings' })
  breaks: number;
}

@ObjectType('ScheduleRun')
export class ScheduleRunModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ScheduleRunStatusModel)
  status: ScheduleRunStatusModel;

  @Field({ description: 'queued, load, build, validate, bound, place, improve, finish, store, done…' })
  phase: string;

  @Field(() => Int, { description: '0–100' })
  progress: number;

  @Field(() => ScheduleStatsModel, { nullable: true })
  stats: ScheduleStatsModel | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt: Date | null;

  static from(run: ScheduleRun): ScheduleRunModel {
    return Object.assign(new ScheduleRunModel(), {
      id: run.id,
      forumId: run.forumId,
      status: run.status as ScheduleRunStatusModel,
      phase: run.phase,
      progress: run.progress,
      stats: statsOf(run.stats),
      error: run.error,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
    });
  }
}

export const AttendanceStatusModel = graphqlEnum(ATTENDANCE_STATUSES, 'AttendanceStatus', 'HELD: the meeting took place; NO_SHOW: a company did not come');

@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID)
  id: string;

  @Field()
  pinned: boolean;

  @Field(() => AttendanceStatusModel, { nullable: true, description: 'On the forum day: HELD, or NO_SHOW (absentCompanyId did not come); null: not marked' })
  attendance: AttendanceStatus | null;

  @Field(() => ID, { nullable: true })
  absentCompanyId: string | null;

  @Field({ description: 'Added on the forum day by a re-fill, in a place an absent company freed' })
  refilled: boolean;

  slotId: string;
  tableId: string;
  companyAId: string;
  companyBId: string;

  static from(meeting: Meeting): MeetingModel {
    return Object.assign(new MeetingModel(), {
      id: meeting.id,
      pinned: meeting.pinned,
      attendance: meeting.attendance ?? null,
      absentCompanyId: meeting.absentCompanyId ?? null,
      refilled: !!meeting.refillProposalId,
      slotId: meeting.slotId,
      tableId: meeting.tableId,
      companyAId: meeting.companyAId,
      companyBId: meeting.companyBId,
    });
  }
}

@ObjectType('Schedule')
export class ScheduleModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ID)
  runId: string;

  @Field(() => Int, { nullable: true, description: 'Null while a draft' })
  version: number | null;

  @Field()
  status: string;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: Date | null;

  static from(schedule: Schedule): ScheduleModel {
    return Object.assign(new ScheduleModel(), {
      id: schedule.id,
      forumId: schedule.forumId,
      runId: schedule.runId,
      version: schedule.version,
      status: schedule.status,
      publishedAt: schedule.publishedAt,
    });
  }
}

/** A run's figures; runs stored before `optimal` existed are optimal when their gap is 0. */
export function statsOf(stats: ScheduleRun['stats']): ScheduleStatsModel | null {
  return stats ? { ...stats, optimal: stats.optimal ?? stats.gap === 0 } : null;
}
