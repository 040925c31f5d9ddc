import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A firm taking part in forums: its profile is what other firms browse and match on. */
@Entity({ name: 'company' })
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** ISO 3166-1 alpha-2, e.g. VN. */
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  offers: string[];

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  seeks: string[];

  /** ISO 639-1 codes, e.g. {vi,en}. */
  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 5000, nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
