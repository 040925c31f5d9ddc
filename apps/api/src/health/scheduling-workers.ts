import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, liveWorkers, redisConnectionOptions } from '@forum/common';

/**
 * How many scheduling workers have announced themselves in the last 30 s
 * (see the worker's HeartbeatService); null in single-process mode, where
 * this API process schedules itself.
 */
@Injectable()
export class SchedulingWorkers implements OnModuleDestroy {
  private readonly client: Redis | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = config.redisUrl
      ? new Redis({ ...redisConnectionOptions(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false })
      : null;
    this.client?.on('error', () => undefined);
  }

  /** Live workers; null without a queue; throws when Redis does not answer. */
  async count(): Promise<number | null> {
    if (!this.client) return null;
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    return liveWorkers(this.client, this.config.queuePrefix);
  }

  onModuleDestroy() {
    this.client?.disconnect();
  }
}

@Global()
@Module({ providers: [SchedulingWorkers], exports: [SchedulingWorkers] })
export class SchedulingWorkersModule {}
