import { inList } from './check-in-list';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

export const FORUM_STATUSES = ['DRAFT', 'OPEN', 'REQUESTS_CLOSED', 'SCHEDULED', 'CLOSED'] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** One investment forum: a day or more of one-to-one meetings at numbered tables. */
@Entity({ name: 'forum' })
@Check('forum_status_check', inList('status', FORUM_STATUSES))
@Check('forum_slot_minutes_check', `"slot_minutes" BETWEEN 5 AND 240`)
@Check('forum_break_minutes_check', `"break_minutes" BETWEEN 0 AND 120`)
@Check('forum_max_meetings_check', `"max_meetings_per_company" > 0`)
@Index('forum_organizer_idx', ['organizerId'])
export class Forum {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organiser who created the forum and manages it. */
  @Column({ name: 'organizer_id', type: 'uuid' })
  organizerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizer_id' })
  organizer?: User;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  /** IANA time zone the forum's times are shown in, e.g. `Asia/Ho_Chi_Minh`. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: ForumStatus;

  /** The delegations that meet each other, as ISO 3166-1 alpha-2 codes, e.g. `{KR,VN}`. */
  @Column({ type: 'varchar', length: 2, array: true, default: () => "'{}'" })
  sides: string[];

  @Column({ name: 'slot_minutes', type: 'integer' })
  slotMinutes: number;

  @Column({ name: 'break_minutes', type: 'integer', default: 0 })
  breakMinutes: number;

  @Column({ name: 'max_meetings_per_company', type: 'integer' })
  maxMeetingsPerCompany: number;

  /** Whether a registration's side must be the company's country (the usual case). */
  @Column({ name: 'side_must_match_country', type: 'boolean', default: true })
  sideMustMatchCountry: boolean;

  /** Each registration waits for the organiser's approval before others see it and it is scheduled. */
  @Column({ name: 'require_approval', type: 'boolean', default: false })
  requireApproval: boolean;

  @Column({ name: 'request_deadline', type: 'timestamptz', nullable: true })
  requestDeadline: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
