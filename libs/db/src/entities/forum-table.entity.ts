import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Forum } from './forum.entity';

/** A numbered meeting table; `interpreter` when a Korean–Vietnamese interpreter sits there. */
@Entity({ name: 'forum_table' })
@Unique('forum_table_number_unique', ['forumId', 'number'])
@Unique('forum_table_label_unique', ['forumId', 'label'])
export class ForumTable {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => Forum, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id' })
  forum?: Forum;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 20 })
  label: string;

  @Column({ type: 'boolean', default: false })
  interpreter: boolean;
}
