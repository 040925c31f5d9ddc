import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AppConfig, SCHEDULE_RUN_JOB, SCHEDULING_QUEUE, ScheduleRunJobData } from '@forum/common';
import { ScheduleRun } from '@forum/db';

/**
 * PostgreSQL is the record of what must run; Redis only carries it. At start-up
 * and then every RECONCILE_INTERVAL_MS, every run still QUEUED or RUNNING whose
 * job is gone from Redis (a Redis restarted without persistence, an enqueue
 * that timed out while Redis was down, a job removed by hand) is queued again,
 * so such a run finishes without anybody restarting anything.
 */
@Injectable()
export class RunReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunReconciler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(SCHEDULING_QUEUE) private readonly queue: Queue<ScheduleRunJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.reconcile();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.reconcile().catch((error: unknown) => this.logger.warn({ err: error }, 'reconciling runs with the queue failed; will retry'));
    }, this.config.reconcileIntervalMs);
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  async reconcile() {
    this.running = true;
    try {
      await this.reconcileOnce();
    } finally {
      this.running = false;
    }
  }

  private async reconcileOnce() {
    const active = await this.dataSource.getRepository(ScheduleRun).find({ where: { status: In(['QUEUED', 'RUNNING']) }, select: { id: true } });
    let requeued = 0;
    for (const { id } of active) {
      const job = await this.queue.getJob(id);
      if (!job || (await job.isFailed()) || (await job.isCompleted())) {
        if (job) await job.remove();
        await this.queue.add(SCHEDULE_RUN_JOB, { runId: id }, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 2000 } });
        requeued++;
      }
    }
    if (requeued > 0 || !this.timer) this.logger.log({ active: active.length, requeued }, 'Reconciled schedule runs with the queue', 'RunReconciler');
  }
}
