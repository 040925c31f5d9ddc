import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { inList } from './check-in-list';
import { Company } from './company.entity';
import { Delegate } from './delegate.entity';
import { Forum } from './forum.entity';
import { Slot } from './slot.entity';

/** PENDING: waits for the organiser (forums that approve each registration); only APPROVED companies are seen by others and scheduled. */
export const REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A company taking part in one forum, on one side, with its delegates and availability. */
@Entity({ name: 'registration' })
@Index('registration_check_in_code_unique', ['checkInCode'], { unique: true })
@Unique('registration_forum_company_unique', ['forumId', 'companyId'])
@Check('registration_status_check', inList('status', REGISTRATION_STATUSES))
@Check('registration_max_meetings_check', `"max_meetings" IS NULL OR "max_meetings" > 0`)
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  /** One of the forum's sides (ISO 3166-1 alpha-2), or null in a forum without sides. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  side: string | null;

  /** The company's own cap; null: the forum's default. */
  @Column({ type: 'varchar', length: 16, default: 'APPROVED' })
  status: RegistrationStatus;

  @Column({ name: 'max_meetings', type: 'integer', nullable: true })
  maxMeetings: number | null;

  @ManyToMany(() => Slot)
  @JoinTable({
    name: 'registration_unavailable_slot',
    joinColumn: { name: 'registration_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'slot_id', referencedColumnName: 'id' },
  })
  unavailableSlots?: Slot[];

  @OneToMany(() => Delegate, (delegate) => delegate.registration, { cascade: ['insert'] })
  delegates?: Delegate[];

  /** The code on the company's agenda (and its QR code) that the check-in desk scans (8 hex digits, from the ForumDay migration's function). */
  @Column({ name: 'check_in_code', type: 'varchar', length: 12, default: () => 'new_check_in_code()' })
  checkInCode: string;

  /** When the check-in desk first scanned it on the forum day; null: not yet. */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** Marked absent by the organiser from this slot to the end of its day (its meetings there were freed); null: present. */
  @Column({ name: 'absent_from_slot_id', type: 'uuid', nullable: true })
  absentFromSlotId: string | null;

  @ManyToOne(() => Slot, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'absent_from_slot_id' })
  absentFromSlot?: Slot | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
