import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Company, ForumTable, RefillProposal, Slot } from '@forum/db';
import { graphqlEnum } from '../../common/graphql-enum';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { CompanyModel } from '../../companies/models/company.model';
import { SlotModel, TableModel } from '../../forums/models/forum.model';

export const RefillReasonModel = graphqlEnum(['REQUEST_ACCEPTED', 'REQUEST_PENDING', 'RECOMMENDED'] as const, 'RefillReason', 'Why a re-fill proposes a meeting');

/** What a proposal's models are built from: the slots, tables and companies it names. */
export interface RefillParts {
  timeZone: string;
  slots: Map<string, Slot>;
  tables: Map<string, ForumTable>;
  companies: Map<string, Company>;
}

@ObjectType('ProposedMeeting')
export class ProposedMeetingModel {
  @Field(() => ID, { description: 'Name it in applyRefill(meetingIds)' })
  id: string;

  @Field(() => SlotModel)
  slot: SlotModel;

  @Field(() => TableModel)
  table: TableModel;

  @Field(() => [CompanyModel])
  companies: CompanyModel[];

  @Field(() => Float)
  weight: number;

  @Field(() => RefillReasonModel)
  reason: string;

  @Field(() => [ID], { description: 'The companies that asked for this meeting (requests)' })
  requestedBy: string[];

  @Field(() => [String], { description: 'RECOMMENDED: what the two have in common (offers, needs, sectors)' })
  topics: string[];
}

@ObjectType('FreePlace', { description: 'A company on the floor left without a meeting in a slot its absent partner freed' })
export class FreePlaceModel {
  @Field(() => SlotModel)
  slot: SlotModel;

  @Field(() => CompanyModel)
  company: CompanyModel;
}

@ObjectType('RefillProposal')
export class RefillProposalModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  forumId: string;

  @Field(() => SlotModel, { description: 'The re-fill covers this slot to the end of its day' })
  fromSlot: SlotModel;

  @Field(() => [ProposedMeetingModel])
  meetings: ProposedMeetingModel[];

  @Field(() => Float, { description: 'Total weight of the proposed meetings' })
  weight: number;

  @Field(() => Float, { description: "The matcher's upper bound for this sub-problem: no re-fill can weigh more" })
  bound: number;

  @Field(() => [FreePlaceModel], { description: 'Freed places the proposal could not fill' })
  unfilled: FreePlaceModel[];

  @Field(() => Int, { description: 'Milliseconds the matcher took' })
  solveMs: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  appliedAt: Date | null;

  static from(proposal: RefillProposal, parts: RefillParts): RefillProposalModel {
    const slot = (id: string) => SlotModel.from(parts.slots.get(id)!, parts.timeZone);
    const company = (id: string) => CompanyModel.from(parts.companies.get(id)!);
    return Object.assign(new RefillProposalModel(), {
      id: proposal.id,
      forumId: proposal.forumId,
      fromSlot: slot(proposal.fromSlotId),
      meetings: proposal.meetings.map((meeting) =>
        Object.assign(new ProposedMeetingModel(), {
          id: meeting.id,
          slot: slot(meeting.slotId),
          table: TableModel.from(parts.tables.get(meeting.tableId)!),
          companies: [company(meeting.companyAId), company(meeting.companyBId)],
          weight: meeting.weight,
          reason: meeting.reason,
          requestedBy: meeting.requestedBy,
          topics: meeting.topics,
        }),
      ),
      weight: proposal.weight,
      bound: proposal.bound,
      unfilled: proposal.unfilled.map((place) => Object.assign(new FreePlaceModel(), { slot: slot(place.slotId), company: company(place.companyId) })),
      solveMs: proposal.solveMs,
      createdAt: proposal.createdAt,
      appliedAt: proposal.appliedAt,
    });
  }
}
