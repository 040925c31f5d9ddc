import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Registration } from './registration.entity';

/** A person attending a forum for a company. */
@Entity({ name: 'delegate' })
@Index('delegate_registration_idx', ['registrationId'])
export class Delegate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => Registration, (registration) => registration.delegates, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Registration;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  languages: string[];
}
