import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Company } from './company.entity';
import { Forum } from './forum.entity';

/**
 * A published meeting taken off the floor because a company was marked
 * absent: its place (slot and table) and its partner's time became free for a
 * re-fill. Kept for the outcomes report (no-shows by side).
 */
@Entity({ name: 'freed_meeting' })
@Index('freed_meeting_forum_idx', ['forumId'])
export class FreedMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  /** The meeting's id while it was on the schedule. */
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @Column({ name: 'table_id', type: 'uuid' })
  tableId: string;

  @Column({ name: 'company_a_id', type: 'uuid' })
  companyAId: string;

  @Column({ name: 'company_b_id', type: 'uuid' })
  companyBId: string;

  @Column({ name: 'absent_company_id', type: 'uuid' })
  absentCompanyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'absent_company_id' })
  absentCompany?: Company;

  @CreateDateColumn({ name: 'freed_at', type: 'timestamptz' })
  freedAt: Date;
}
