import { Injectable, Module } from '@nestjs/common';
import type { Forum } from '@forum/db';
import { TtlCache } from '../common/ttl-cache';
import { agendaResponses } from './agenda-response.plugin';
import type { AgendaEntry } from './agendas.service';

/**
 * Published agendas per forum and company, kept five seconds: agendas are read
 * far more than written. Publishing and the organiser's edits clear a forum's
 * entries in this process at once; other API processes see them within the TTL.
 */
export interface CachedAgenda {
  forum: Forum;
  entries: AgendaEntry[];
  /** The GraphQL answer built from the entries, once (see AgendasResolver). */
  rendered?: unknown;
}

@Injectable()
export class AgendaCache {
  private readonly cache = new TtlCache<Promise<CachedAgenda>>(5_000);

  get(forumId: string, companyId: string) {
    return this.cache.get(`${forumId}|${companyId}`);
  }

  set(forumId: string, companyId: string, agenda: Promise<CachedAgenda>) {
    this.cache.set(`${forumId}|${companyId}`, agenda);
  }

  forget(forumId: string) {
    this.cache.deletePrefix(`${forumId}|`);
    agendaResponses.clear();
  }
}

@Module({ providers: [AgendaCache], exports: [AgendaCache] })
export class AgendaCacheModule {}
