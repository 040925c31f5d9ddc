import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ForumSession } from './forum-session.entity';
import { Forum } from './forum.entity';

/** One meeting time of a forum (e.g. 09:00–09:30); `position` orders a forum's slots. */
@Entity({ name: 'slot' })
@Unique('slot_forum_position_unique', ['forumId', 'position'])
@Check('slot_times_check', `"ends_at" > "starts_at"`)
export class Slot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => ForumSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ForumSession;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}
