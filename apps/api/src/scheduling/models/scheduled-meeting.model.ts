import { Field, ObjectType } from '@nestjs/graphql';
import type { Meeting } from '@forum/db';
import { CompanyModel } from '../../companies/models/company.model';
import { SlotModel, TableModel } from '../../forums/models/forum.model';
import { MeetingModel } from './schedule.model';
@ObjectType('ScheduledMeeting', { description: 'A meeting with its slot, table and the two companies.' })
export class ScheduledMeetingModel extends MeetingModel {
  @Field(() => SlotModel)
  slot: SlotModel;

  @Field(() => TableModel)
  table: TableModel;

  @Field(() => [CompanyModel])
  companies: CompanyModel[];

  static fromFull(meeting: Meeting, timeZone: string): ScheduledMeetingModel {
    return Object.assign(new ScheduledMeetingModel(), MeetingModel.from(meeting), {
      slot: SlotModel.from(meeting.slot!, timeZone),
      table: TableModel.from(meeting.table!),
      companies: [CompanyModel.from(meeting.companyA!), CompanyModel.from(meeting.companyB!)],
    });
  }
}
