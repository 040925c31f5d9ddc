import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Forum } from './forum.entity';
import { Schedule } from './schedule.entity';
import { Slot } from './slot.entity';

/** One new meeting a re-fill proposes, and why. */
export interface ProposedMeeting {
  id: string;
  companyAId: string;
  companyBId: string;
  slotId: string;
  tableId: string;
  weight: number;
  /** REQUEST_ACCEPTED, REQUEST_PENDING or RECOMMENDED. */
  reason: 'REQUEST_ACCEPTED' | 'REQUEST_PENDING' | 'RECOMMENDED';
  /** The companies that asked (requests), or the recommendation's shared topics. */
  requestedBy: string[];
  topics: string[];
}

/**
 * What the matcher's incremental mode proposes for the rest of a forum day:
 * new meetings in freed places, every published meeting left where it is.
 * Applied once (`appliedAt`), as long as the published schedule it was
 * computed on is still the published one.
 */
@Entity({ name: 'refill_proposal' })
@Index('refill_proposal_forum_idx', ['forumId'])
export class RefillProposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId: string;

  @ManyToOne(() => Schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Schedule;

  @Column({ name: 'from_slot_id', type: 'uuid' })
  fromSlotId: string;

  @ManyToOne(() => Slot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_slot_id' })
  fromSlot?: Slot;

  @Column({ type: 'jsonb' })
  meetings: ProposedMeeting[];

  /** Total weight of the proposed meetings, and the matcher's upper bound for the sub-problem. */
  @Column({ type: 'double precision' })
  weight: number;

  @Column({ type: 'double precision' })
  bound: number;

  /** Free places (slot, company) of checked-in companies the proposal could not fill. */
  @Column({ name: 'unfilled', type: 'jsonb' })
  unfilled: { slotId: string; companyId: string }[];

  @Column({ name: 'solve_ms', type: 'integer' })
  solveMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;
}
