import { inList } from './check-in-list';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Forum } from './forum.entity';
import { ScheduleRun } from './schedule-run.entity';

export const SCHEDULE_STATUSES = ['DRAFT', 'PUBLISHED', 'SUPERSEDED'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/**
 * The meetings one run produced: a DRAFT until published, then the forum's
 * PUBLISHED schedule with the next version number; the one before becomes SUPERSEDED.
 */
@Entity({ name: 'schedule' })
@Unique('schedule_forum_version_unique', ['forumId', 'version'])
@Unique('schedule_run_unique', ['runId'])
@Check('schedule_status_check', inList('status', SCHEDULE_STATUSES))
@Check('schedule_version_check', `("status" = 'DRAFT') = ("version" IS NULL)`)
@Index('schedule_one_published_per_forum', ['forumId'], { unique: true, where: `"status" = 'PUBLISHED'` })
export class Schedule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @OneToOne(() => ScheduleRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: ScheduleRun;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: ScheduleStatus;

  @Column({ type: 'integer', nullable: true })
  version: number | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
