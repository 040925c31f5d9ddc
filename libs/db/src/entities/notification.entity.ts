import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { inList } from './check-in-list';
import { Forum } from './forum.entity';
import { User } from './user.entity';

/** What a notification is about; the template is chosen by it. */
export const NOTIFICATION_KINDS = [
  'REQUEST_RECEIVED',
  'REQUEST_ACCEPTED',
  'REQUEST_DECLINED',
  'REQUEST_WITHDRAWN',
  'REGISTRATION_APPROVED',
  'REGISTRATION_REJECTED',
  'SCHEDULE_PUBLISHED',
  'AGENDA_CHANGED',
  'REMINDER',
  'PASSWORD_RESET',
  'OUTCOME_FOLLOW_UP',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What an account can mute; SECURITY (password reset) cannot be muted. */
export const NOTIFICATION_CATEGORIES = ['REQUESTS', 'REGISTRATION', 'AGENDA', 'SECURITY'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/**
 * PENDING: written, waiting for its time; QUEUED: handed to the sender; SENDING: claimed by a
 * sender (a claim older than the sender's lock is taken over); SENT; FAILED (after its retries,
 * with `lastError`); MERGED: sent inside another row's message (`mergedInto`, a burst of changes).
 */
export const NOTIFICATION_STATUSES = ['PENDING', 'QUEUED', 'SENDING', 'SENT', 'FAILED', 'MERGED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox: one message to one person, written in the same transaction as
 * the change that causes it, sent later by the notification sender. The row
 * is the record of what was said to whom, when, and whether it arrived.
 */
@Entity({ name: 'notification' })
@Check('notification_kind_check', inList('kind', NOTIFICATION_KINDS))
@Check('notification_category_check', inList('category', NOTIFICATION_CATEGORIES))
@Check('notification_status_check', inList('status', NOTIFICATION_STATUSES))
@Index('notification_due_index', ['status', 'sendAfter'])
@Index('notification_forum_index', ['forumId', 'createdAt'])
@Index('notification_batch_index', ['batchKey', 'status'])
@Index('notification_dedupe_key_unique', ['dedupeKey'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The address when it was written (an account's email can change later). */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 16 })
  category: NotificationCategory;

  @Column({ name: 'forum_id', type: 'uuid', nullable: true })
  forumId: string | null;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum | null;

  /** What the template says (names, times, changes), as it was when written. */
  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  /** Rows with the same key that are due together go out as one message (a burst of agenda changes). */
  @Column({ name: 'batch_key', type: 'varchar', length: 200, nullable: true })
  batchKey: string | null;

  /** Written at most once (the reminder of one forum day to one person). */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 300, nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'send_after', type: 'timestamptz', default: () => 'now()' })
  sendAfter: Date;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Which channel carried it (email, local mailbox). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: string | null;

  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
