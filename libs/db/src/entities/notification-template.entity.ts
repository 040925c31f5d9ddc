import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Forum } from './forum.entity';
import type { NotificationKind } from './notification.entity';

/**
 * An organiser's own words for one kind of message of one forum in one
 * language: the subject and the body's paragraphs, with `{{placeholders}}`.
 * The greeting, the lists (changes, the day's meetings), the button and the
 * unsubscribe line stay the product's.
 */
@Entity({ name: 'notification_template' })
@Unique('notification_template_forum_kind_language_unique', ['forumId', 'kind', 'language'])
export class NotificationTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
