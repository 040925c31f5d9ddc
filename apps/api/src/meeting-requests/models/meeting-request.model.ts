import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { type Company, MEETING_REQUEST_STATUSES, type MeetingRequest, type MeetingRequestStatus } from '@forum/db';
import { graphqlEnum } from '../../common/graphql-enum';

export const MeetingRequestStatusModel = graphqlEnum(MEETING_REQUEST_STATUSES, 'MeetingRequestStatus');
export type MeetingRequestStatusModel = MeetingRequestStatus;

export enum RequestDirection {
  SENT = 'SENT',
  RECEIVED = 'RECEIVED',
}
registerEnumType(RequestDirection, { name: 'RequestDirection' });

@ObjectType('MeetingRequest')
export class MeetingRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => MeetingRequestStatusModel)
  status: MeetingRequestStatusModel;

  @Field(() => Int)
  priority: number;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt: Date | null;

  /** For the from/to field resolvers. */
  fromCompanyId: string;
  toCompanyId: string;
  /** The companies when the read that made this answer had them already (not fields: `from` and `to` resolve them). */
  fromCompany?: Company;
  toCompany?: Company;

  static from(request: MeetingRequest): MeetingRequestModel {
    return Object.assign(new MeetingRequestModel(), {
      id: request.id,
      forumId: request.forumId,
      status: request.status as MeetingRequestStatusModel,
      priority: request.priority,
      message: request.message,
      createdAt: request.createdAt,
      respondedAt: request.respondedAt,
      fromCompanyId: request.fromCompanyId,
      toCompanyId: request.toCompanyId,
      fromCompany: request.fromCompany,
      toCompany: request.toCompany,
    });
  }
}
