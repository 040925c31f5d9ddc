import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Forum } from './forum.entity';

/** A block of meetings (a morning, an afternoon); slots are cut from it. */
@Entity({ name: 'forum_session' })
@Check('forum_session_times_check', `"ends_at" > "starts_at"`)
@Index('forum_session_forum_idx', ['forumId'])
export class ForumSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}
