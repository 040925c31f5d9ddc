import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { SCHEDULE_RUN_JOB, SCHEDULING_QUEUE, ScheduleRunJobData } from '@forum/common';
import { ScheduleRun } from '@forum/db';

/**
 * PostgreSQL is the record of what must run; Redis only carries it. At start-up,
 * every run still QUEUED or RUNNING whose job is gone from Redis (a Redis
 * restarted without persistence, a job removed by hand) is queued again.
 */
@Injectable()
export class RunReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RunReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(SCHEDULING_QUEUE) private readonly queue: Queue<ScheduleRunJobData>,
  ) {}

  async onApplicationBootstrap() {
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
    this.logger.log({ active: active.length, requeued }, 'Reconciled schedule runs with the queue', 'RunReconciler');
  }
}
