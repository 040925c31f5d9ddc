import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, redisConnectionOptions } from '@forum/common';
import type { Role } from '@forum/db';

/** What the guard needs of a user on every request. */
export interface SessionUser {
  id: string;
  role: Role;
  companyId: string | null;
  tokenVersion: number;
}

const NONE = Symbol('no such user');

/**
 * Users as the auth guard sees them, cached by id. A change that ends
 * sessions (password change, sign out everywhere, deletion) calls `changed`,
 * which drops the entry here at once and — with Redis configured — in every
 * other API process through Redis pub/sub, so no process accepts an ended
 * token after the call returns. The TTL is only a safety net.
 */
@Injectable()
export class SessionUsers implements OnModuleDestroy {
  private readonly logger = new Logger(SessionUsers.name);
  private readonly cache: LRUCache<string, SessionUser | typeof NONE>;
  private readonly channel: string;
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  private readonly ready: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new LRUCache({
      max: 50_000,
      ttl: 60_000,
      // A TTL counts from the load, never from a hit.
      updateAgeOnGet: false,
      fetchMethod: async (id) => this.load(id),
    });
    this.channel = `${config.queuePrefix}:session-users:changed`;
    if (config.redisUrl) {
      const options = { ...redisConnectionOptions(config.redisUrl), lazyConnect: false, maxRetriesPerRequest: 1 };
      this.publisher = new Redis(options);
      this.subscriber = new Redis(options);
      for (const client of [this.publisher, this.subscriber]) client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
      this.subscriber.on('message', (channel, id) => channel === this.channel && this.cache.delete(id));
      this.ready = this.subscriber.subscribe(this.channel).catch((error: Error) => this.logger.warn(`Cannot subscribe to ${this.channel}: ${error.message}`));
    } else {
      this.publisher = this.subscriber = null;
      this.ready = Promise.resolve();
    }
  }

  async get(id: string): Promise<SessionUser | null> {
    const user = await this.cache.fetch(id);
    return user && user !== NONE ? user : null;
  }

  /** The user's sessions or role changed: forget it here and in every other API process. */
  async changed(id: string): Promise<void> {
    this.cache.delete(id);
    if (this.publisher) {
      try {
        await this.ready;
        await this.publisher.publish(this.channel, id);
      } catch (error) {
        // Other processes then forget it when their entry expires (at most the TTL, a minute).
        this.logger.warn(`Could not tell other API processes that user ${id} changed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async onModuleDestroy() {
    await Promise.all([this.publisher, this.subscriber].map((client) => client?.quit().catch(() => client.disconnect())));
  }

  private async load(id: string): Promise<SessionUser | typeof NONE> {
    const [row] = await this.dataSource.query('SELECT id, role, company_id AS "companyId", token_version AS "tokenVersion" FROM user_account WHERE id = $1', [id]);
    return row ?? NONE;
  }
}
