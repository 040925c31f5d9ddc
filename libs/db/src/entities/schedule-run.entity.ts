import { inList } from './check-in-list';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Forum } from './forum.entity';

export const SCHEDULE_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];

export interface ScheduleRunOptions {
  timeLimitMs?: number;
  seed?: number;
  includeRecommendations?: boolean;
  keepPublished?: boolean;
}

export interface ScheduleRunStats {
  meetings: number;
  requestsFulfilled: number;
  requestsTotal: number;
  weight: number;
  upperBound: number;
  gap: number;
  /** The weight is proven the best possible (runs before this field was added: absent). */
  optimal?: boolean;
  holes: number;
  breaks: number;
  seconds: { load: number; build: number; solve: number; store: number };
}

/** One matcher run for a forum: queued by the API, done by the worker, its meetings a draft schedule. */
@Entity({ name: 'schedule_run' })
@Check('schedule_run_status_check', inList('status', SCHEDULE_RUN_STATUSES))
@Check('schedule_run_progress_check', `"progress" BETWEEN 0 AND 100`)
// At most one active run per forum, whatever the code does.
@Index('schedule_run_one_active_per_forum', ['forumId'], { unique: true, where: `"status" IN ('QUEUED', 'RUNNING')` })
@Index('schedule_run_forum_idx', ['forumId', 'createdAt'])
export class ScheduleRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ type: 'varchar', length: 16, default: 'QUEUED' })
  status: ScheduleRunStatus;

  @Column({ type: 'varchar', length: 32, default: 'queued' })
  phase: string;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  options: ScheduleRunOptions;

  @Column({ type: 'jsonb', nullable: true })
  stats: ScheduleRunStats | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The forum-matcher/v1 instance the run solved, for replay with `npm run match`. */
  @Column({ type: 'jsonb', nullable: true })
  instance: unknown | null;

  @Column({ name: 'cancel_requested', type: 'boolean', default: false })
  cancelRequested: boolean;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
