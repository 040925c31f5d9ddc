import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, beat, leave, redisConnectionOptions, WORKER_HEARTBEAT_INTERVAL_MS } from '@forum/common';

/**
 * Every 10 s, while PostgreSQL and Redis both answer, the worker says it is
 * alive: in Redis (a sorted set the API's /health and serverInfo read, so
 * organisers learn when no worker would take their runs) and, with
 * WORKER_HEARTBEAT_FILE set, in a file a container healthcheck reads.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer?: NodeJS.Timeout;
  private readonly redis: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    // Its own connection, failing fast: a heartbeat that waits for Redis would say nothing while Redis is away.
    this.redis = new Redis({ ...redisConnectionOptions(config.redisUrl as string), maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
  }

  /** The first beat is awaited: once the worker says it is ready, /health already counts it. */
  async onApplicationBootstrap() {
    const file = this.config.workerHeartbeatFile;
    const once = async () => {
      try {
        await this.dataSource.query('SELECT 1');
        await beat(this.redis, this.config.queuePrefix, this.workerId);
        if (file) await writeFile(file, new Date().toISOString());
      } catch (error) {
        this.logger.warn({ err: error }, 'heartbeat skipped: a dependency does not answer');
      }
    };
    await once();
    this.timer = setInterval(() => once().catch(() => undefined), WORKER_HEARTBEAT_INTERVAL_MS);
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await leave(this.redis, this.config.queuePrefix, this.workerId).catch(() => undefined);
    this.redis.disconnect();
  }
}
