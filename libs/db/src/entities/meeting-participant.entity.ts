import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Company } from './company.entity';
import { Meeting } from './meeting.entity';

/**
 * One company's seat in a meeting, repeating the meeting's schedule and slot
 * so that the database itself refuses a company two meetings in one slot.
 */
@Entity({ name: 'meeting_participant' })
@Unique('meeting_participant_one_per_slot', ['scheduleId', 'slotId', 'companyId'])
// A company's agenda: its meetings in one schedule.
@Index('meeting_participant_company_idx', ['companyId', 'scheduleId'])
export class MeetingParticipant {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'company_id', type: 'uuid' })
  companyId: string;

  // (meeting, schedule, slot) together: moving a meeting to another slot carries its participants
  // along (ON UPDATE CASCADE), and the unique constraint then refuses a double booking.
  @ManyToOne(() => Meeting, (meeting) => meeting.participants, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id' },
    { name: 'schedule_id', referencedColumnName: 'scheduleId' },
    { name: 'slot_id', referencedColumnName: 'slotId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;
}
