import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, AppConfig, redisConnectionOptions } from '@forum/common';

/** Wrong passwords an account may take in a window before it must wait. */
export const FAILED_LOGIN_LIMIT = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins counted per account (email), not per address: a forum's
 * shared Wi-Fi never locks out everybody behind it, while guessing one
 * account's password stays slow. Counted in Redis when it is configured (every
 * API process sees the same count) and in this process, which is what counts
 * while Redis does not answer.
 */
@Injectable()
export class FailedLogins implements OnModuleDestroy {
  private readonly logger = new Logger(FailedLogins.name);
  private readonly local = new LRUCache<string, { n: number }>({ max: 100_000, ttl: FAILED_LOGIN_WINDOW_MS, updateAgeOnGet: false });
  private readonly redis: Redis | null;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.queuePrefix}:failed-logins:`;
    this.redis = config.redisUrl ? new Redis({ ...redisConnectionOptions(config.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
    this.redis?.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async isLocked(email: string): Promise<boolean> {
    return (await this.count(email)) >= FAILED_LOGIN_LIMIT;
  }

  async failed(email: string): Promise<void> {
    const entry = this.local.get(email);
    if (entry) entry.n += 1;
    else this.local.set(email, { n: 1 });
    const key = this.prefix + email;
    await this.shared(() => this.redis!.multi().incr(key).pexpire(key, FAILED_LOGIN_WINDOW_MS, 'NX').exec());
  }

  async succeeded(email: string): Promise<void> {
    this.local.delete(email);
    await this.shared(() => this.redis!.del(this.prefix + email));
  }

  async onModuleDestroy() {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }

  /** The shared count when Redis answers, else this process's own (sign-in keeps working while Redis is away). */
  private async count(email: string): Promise<number> {
    const local = this.local.get(email)?.n ?? 0;
    const shared = await this.shared(() => this.redis!.get(this.prefix + email));
    return Math.max(local, Number(shared ?? 0));
  }

  private async shared<T>(operation: () => Promise<T>): Promise<T | null> {
    if (!this.redis) return null;
    try {
      return await operation();
    } catch (error) {
      this.logger.warn(`Redis did not answer (${error instanceof Error ? error.message : String(error)}); counting sign-in failures in this process`);
      return null;
    }
  }
}
