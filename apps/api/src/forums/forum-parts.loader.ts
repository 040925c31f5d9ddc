import { Injectable, Scope } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { ForumSession, ForumTable, Slot } from '@forum/db';

function byForum<T extends { forumId: string }>(find: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (forumIds) => {
    const rows = await find([...forumIds]);
    const grouped = new Map<string, T[]>(forumIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.forumId)?.push(row);
    return forumIds.map((id) => grouped.get(id) ?? []);
  });
}

/** A forum's sessions, slots and tables, batched per request. */
@Injectable({ scope: Scope.REQUEST })
export class ForumPartsLoader {
  readonly sessions: DataLoader<string, ForumSession[]>;
  readonly slots: DataLoader<string, Slot[]>;
  readonly tables: DataLoader<string, ForumTable[]>;

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
