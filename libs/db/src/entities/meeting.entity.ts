import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { inList } from './check-in-list';
import { Company } from './company.entity';
import { ForumTable } from './forum-table.entity';
import { MeetingParticipant } from './meeting-participant.entity';
import { Schedule } from './schedule.entity';
import { Slot } from './slot.entity';

/** Whether a meeting took place on the forum day (NO_SHOW names the company that did not come). */
export const ATTENDANCE_STATUSES = ['HELD', 'NO_SHOW'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Two companies meeting in one slot at one table, in one schedule. */
@Entity({ name: 'meeting' })
@Check('meeting_attendance_check', `"attendance" IS NULL OR ${inList('attendance', ATTENDANCE_STATUSES)}`)
@Unique('meeting_schedule_slot_table_unique', ['scheduleId', 'slotId', 'tableId'])
@Unique('meeting_schedule_pair_unique', ['scheduleId', 'companyAId', 'companyBId'])
// Referenced by meeting_participant, so a participant always sits in its meeting's schedule and slot.
@Unique('meeting_id_schedule_slot_unique', ['id', 'scheduleId', 'slotId'])
@Check('meeting_ordered_pair_check', `"company_a_id" < "company_b_id"`)
@Index('meeting_schedule_idx', ['scheduleId'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId: string;

  @ManyToOne(() => Schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Schedule;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id' })
  slot?: Slot;

  @Column({ name: 'table_id', type: 'uuid' })
  tableId: string;

  @ManyToOne(() => ForumTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'table_id' })
  table?: ForumTable;

  /** The pair, the smaller id first (so a pair is one row). */
  @Column({ name: 'company_a_id', type: 'uuid' })
  companyAId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_a_id' })
  companyA?: Company;

  @Column({ name: 'company_b_id', type: 'uuid' })
  companyBId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_b_id' })
  companyB?: Company;

  /** Kept where it is by later runs (published meetings and the organiser's pins). */
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'double precision', default: 0 })
  weight: number;

  /**
   * iCalendar SEQUENCE of this meeting (the pair's event, whose UID stays the
   * same across schedule versions): raised each time its slot or table changes.
   */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** On the forum day: HELD, or NO_SHOW with the company that did not come; null: not marked yet. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  attendance: AttendanceStatus | null;

  @Column({ name: 'absent_company_id', type: 'uuid', nullable: true })
  absentCompanyId: string | null;

  @Column({ name: 'attendance_marked_at', type: 'timestamptz', nullable: true })
  attendanceMarkedAt: Date | null;

  /** Added on the forum day by an applied re-fill proposal (a freed slot filled again); null: scheduled or added by hand. */
  @Column({ name: 'refill_proposal_id', type: 'uuid', nullable: true })
  refillProposalId: string | null;

  @OneToMany(() => MeetingParticipant, (participant) => participant.meeting, { cascade: ['insert'] })
  participants?: MeetingParticipant[];
}
