import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { inList } from './check-in-list';
import { Company } from './company.entity';
import { Meeting } from './meeting.entity';

export const OUTCOME_INTERESTS = ['NONE', 'SOME', 'STRONG'] as const;
export type OutcomeInterest = (typeof OUTCOME_INTERESTS)[number];
export const OUTCOME_STATUSES = ['NO_FOLLOW_UP', 'IN_DISCUSSION', 'MOU', 'CONTRACT_SIGNED'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
export const OUTCOME_CURRENCIES = ['USD', 'KRW', 'VND'] as const;
export type OutcomeCurrency = (typeof OUTCOME_CURRENCIES)[number];

/**
 * What one company says came of one meeting, in one round: 0 on the forum
 * day, then each follow-up the organiser asks for (3 and 6 months on). The
 * note is the company's own; the organiser reads the rest.
 */
@Entity({ name: 'meeting_outcome' })
@Unique('meeting_outcome_meeting_company_round_unique', ['meetingId', 'companyId', 'round'])
@Index('meeting_outcome_company_idx', ['companyId'])
@Check('meeting_outcome_interest_check', inList('interest', OUTCOME_INTERESTS))
@Check('meeting_outcome_status_check', inList('status', OUTCOME_STATUSES))
@Check('meeting_outcome_currency_check', `"currency" IS NULL OR ${inList('currency', OUTCOME_CURRENCIES)}`)
@Check('meeting_outcome_value_check', `("value_amount" IS NULL) = ("currency" IS NULL) AND ("value_amount" IS NULL OR "value_amount" >= 0)`)
export class MeetingOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'smallint', default: 0 })
  round: number;

  @Column({ type: 'varchar', length: 8 })
  interest: OutcomeInterest;

  /** Expected value, in `currency` (whole units; numeric, so KRW and VND amounts stay exact). */
  @Column({ name: 'value_amount', type: 'numeric', precision: 18, scale: 2, nullable: true })
  valueAmount: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: OutcomeCurrency | null;

  @Column({ type: 'varchar', length: 16 })
  status: OutcomeStatus;

  /** The company's private note: never shown to the other company or to the organiser. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
