import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Forum } from './forum.entity';

/**
 * A follow-up the organiser asked for: every company updates its outcomes
 * (round 1, 2, … after the forum day's round 0), e.g. 3 and 6 months on.
 */
@Entity({ name: 'outcome_round' })
@Unique('outcome_round_forum_round_unique', ['forumId', 'round'])
export class OutcomeRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ type: 'smallint' })
  round: number;

  /** Months after the forum this follow-up stands for (3, 6, …). */
  @Column({ type: 'smallint' })
  months: number;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;
}
