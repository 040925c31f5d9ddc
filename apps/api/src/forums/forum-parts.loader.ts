import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ForumSession, ForumTable, Slot } from '@forum/db';
import { BatchLoader, WIDE_BATCH } from '../common/batch-loader';

function byForum<T extends { forumId: string }>(find: (ids: string[]) => Promise<T[]>) {
  return new BatchLoader<string, T[]>(async (forumIds) => {
    const rows = await find([...new Set(forumIds)]);
    const grouped = new Map<string, T[]>(forumIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.forumId)?.push(row);
    return forumIds.map((id) => grouped.get(id) ?? []);
  }, WIDE_BATCH);
}

/** A forum's sessions, slots and tables: the loads of one turn of the event loop in one query each (see CompanyLoader). */
@Injectable()
export class ForumPartsLoader {
  readonly sessions: BatchLoader<string, ForumSession[]>;
  readonly slots: BatchLoader<string, Slot[]>;
  readonly tables: BatchLoader<string, ForumTable[]>;

  constructor(
    @InjectRepository(ForumSession) sessions: Repository<ForumSession>,
    @InjectRepository(Slot) slots: Repository<Slot>,
    @InjectRepository(ForumTable) tables: Repository<ForumTable>,
  ) {
    this.sessions = byForum((ids) => sessions.find({ where: { forumId: In(ids) }, order: { startsAt: 'ASC' } }));
    this.slots = byForum((ids) => slots.find({ where: { forumId: In(ids) }, order: { position: 'ASC' } }));
    this.tables = byForum((ids) => tables.find({ where: { forumId: In(ids) }, order: { number: 'ASC' } }));
  }
}
