import { inList } from './check-in-list';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Company } from './company.entity';
import { Forum } from './forum.entity';

export const MEETING_REQUEST_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];

/** One company asking another for a meeting at a forum; the receiver accepts or declines. */
@Entity({ name: 'meeting_request' })
@Check('meeting_request_priority_check', `"priority" BETWEEN 1 AND 5`)
@Check('meeting_request_status_check', inList('status', MEETING_REQUEST_STATUSES))
@Check('meeting_request_not_self_check', `"from_company_id" <> "to_company_id"`)
@Index('meeting_request_open_pair_unique', ['forumId', 'fromCompanyId', 'toCompanyId'], {
  unique: true,
  where: `"status" IN ('PENDING', 'ACCEPTED')`,
})
@Index('meeting_request_to_idx', ['forumId', 'toCompanyId'])
export class MeetingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ name: 'from_company_id', type: 'uuid' })
  fromCompanyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_company_id' })
  fromCompany?: Company;

  @Column({ name: 'to_company_id', type: 'uuid' })
  toCompanyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_company_id' })
  toCompany?: Company;

  @Column({ type: 'smallint' })
  priority: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: MeetingRequestStatus;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
