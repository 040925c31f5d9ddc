import { inList } from './check-in-list';
import { LANGUAGES, type Language } from '@forum/common';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Company } from './company.entity';

/** ADMIN: the operator of the installation (the queue dashboard); ORGANIZER: runs forums; COMPANY: acts for one company; DELEGATE: reads its agenda. */
export const ROLES = ['ADMIN', 'ORGANIZER', 'COMPANY', 'DELEGATE'] as const;
export type Role = (typeof ROLES)[number];

/** Someone who signs in: an organiser, a company's representative, or a delegate (read-only). */
@Entity({ name: 'user_account' })
@Check('user_account_role_check', inList('role', ROLES))
@Check('user_account_email_lower_check', `"email" = lower("email")`)
@Check('user_account_company_check', `("role" IN ('ADMIN', 'ORGANIZER')) = ("company_id" IS NULL)`)
@Check('user_account_preferred_language_check', `"preferred_language" IS NULL OR ${inList('preferred_language', LANGUAGES)}`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case, so the unique constraint is case-insensitive. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'company_id' })
  company?: Company | null;

  /** The language of the files and messages this user gets; null: from the company's languages. */
  @Column({ name: 'preferred_language', type: 'varchar', length: 2, nullable: true })
  preferredLanguage: Language | null;

  /** Raised by a password change or "sign out everywhere": every token carrying an older one stops working. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** Notification categories this account does not want (never SECURITY). */
  @Column({ name: 'muted_notifications', type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  mutedNotifications: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
