import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { REGISTRATION_STATUSES, type Company, type Delegate, type Registration, type RegistrationStatus } from '@forum/db';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { graphqlEnum } from '../../common/graphql-enum';
import { PageInfo } from '../../common/page-info.model';
import { CompanyModel } from '../../companies/models/company.model';

@ObjectType('Delegate', { description: 'A person attending for a company.' })
export class DelegateModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => [String])
  languages: string[];

  @Field(() => String, { nullable: true, description: "Shown to the delegate's own company and the forum's organiser only" })
  email: string | null;

  static from(delegate: Delegate, showEmail: boolean): DelegateModel {
    return Object.assign(new DelegateModel(), {
      id: delegate.id,
      name: delegate.name,
      title: delegate.title,
      languages: delegate.languages,
      email: showEmail ? delegate.email : null,
    });
  }
}

export const RegistrationStatusModel = graphqlEnum(REGISTRATION_STATUSES, 'RegistrationStatus', 'PENDING waits for the organiser; only APPROVED companies are seen by others and scheduled');
export type RegistrationStatusModel = RegistrationStatus;

@ObjectType('RegistrationActivity', { description: "A company's requests and meetings in a forum, for its organiser (who to chase by phone)." })
export class RegistrationActivityModel {
  @Field(() => Int, { description: 'Requests it sent (any status but withdrawn)' })
  requestsSent: number;

  @Field(() => Int, { description: 'Requests it received (any status but withdrawn)' })
  requestsReceived: number;

  @Field(() => Int, { description: 'Of those, sent or received, accepted' })
  requestsAccepted: number;

  @Field(() => Int, { description: 'Received and still waiting for its answer' })
  requestsAwaitingAnswer: number;

  @Field(() => Int, { description: 'Its meetings in the published schedule' })
  meetings: number;
}

@ObjectType('Registration')
export class RegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => ID)
  companyId: string;

  @Field(() => String, { nullable: true })
  side: string | null;

  @Field(() => RegistrationStatusModel)
  status: RegistrationStatus;

  @Field(() => Int, { nullable: true })
  maxMeetings: number | null;

  @Field(() => [ID])
  unavailableSlotIds: string[];

  @Field(() => [DelegateModel])
  delegates: DelegateModel[];

  @Field({ description: "The code the check-in desk scans (the QR code on the company's agenda); the company's and the organiser's only" })
  checkInCode: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the company checked in on the forum day' })
  checkedInAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Marked absent by the organiser from this slot to the end of its day (markAbsent)' })
  absentFromSlotId: string | null;

  @Field(() => CompanyModel, { nullable: true, description: 'The company (in the organiser\'s list of registrations)' })
  company?: CompanyModel | null;

  @Field(() => RegistrationActivityModel, { nullable: true, description: "Requests and meetings (in the organiser's list of registrations)" })
  activity?: RegistrationActivityModel | null;

  static from(registration: Registration, showEmails: boolean): RegistrationModel {
    return Object.assign(new RegistrationModel(), {
      id: registration.id,
      forumId: registration.forumId,
      companyId: registration.companyId,
      side: registration.side,
      status: registration.status,
      maxMeetings: registration.maxMeetings,
      checkInCode: registration.checkInCode,
      checkedInAt: registration.checkedInAt,
      absentFromSlotId: registration.absentFromSlotId ?? null,
      unavailableSlotIds: (registration.unavailableSlots ?? []).map((slot) => slot.id),
      delegates: (registration.delegates ?? []).map((delegate) => DelegateModel.from(delegate, showEmails)),
      company: registration.company ? CompanyModel.from(registration.company) : null,
    });
  }
}

@ObjectType('Participant', { description: 'A company registered for a forum, as other participants see it (id: the company\'s, what requestMeeting takes).' })
export class ParticipantModel extends CompanyModel {
  @Field(() => String, { nullable: true })
  side: string | null;

  /** For the delegates field resolver. */
  registrationId: string;
  /** Whether the caller may see delegates' emails. */
  showEmails: boolean;

  static fromRegistration(registration: Registration & { company: Company }, showEmails: boolean): ParticipantModel {
    return Object.assign(new ParticipantModel(), CompanyModel.from(registration.company), {
      side: registration.side,
      registrationId: registration.id,
      showEmails,
    });
  }
}

@ObjectType()
export class ParticipantEdge {
  @Field(() => ParticipantModel)
  node: ParticipantModel;

  @Field()
  cursor: string;
}

@ObjectType()
export class ParticipantConnection {
  @Field(() => [ParticipantEdge])
  edges: ParticipantEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
