import { writeFile } from 'node:fs/promises';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, SCHEDULING_QUEUE } from '@forum/common';

const INTERVAL_MS = 10_000;

/**
 * The worker has no HTTP port to probe. With WORKER_HEARTBEAT_FILE set, it
 * writes the current time there every 10 s while PostgreSQL and Redis both
 * answer; the container healthcheck reads how old the file is.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    @InjectQueue(SCHEDULING_QUEUE) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap() {
    const file = this.config.workerHeartbeatFile;
    if (!file) return;
    const beat = async () => {
      try {
        await this.dataSource.query('SELECT 1');
        await this.queue.count();
        await writeFile(file, new Date().toISOString());
      } catch (error) {
        this.logger.warn({ err: error }, 'heartbeat skipped: a dependency does not answer');
      }
    };
    void beat();
    this.timer = setInterval(() => void beat(), INTERVAL_MS);
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }
}
