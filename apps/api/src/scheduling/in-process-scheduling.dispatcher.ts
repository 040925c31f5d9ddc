import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ScheduleRunJobResult } from '@forum/common';
import { SchedulingJobService } from '@forum/scheduling';
import { SchedulingDispatcher } from './scheduling-dispatcher';

/**
 * Single-process mode (no REDIS_URL): runs the schedule in this process, after
 * the calling request has returned, through the same service the worker uses
 * (the solver itself runs on a worker thread). One run at a time, in order.
 */
@Injectable()
export class InProcessSchedulingDispatcher extends SchedulingDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger(InProcessSchedulingDispatcher.name);
  private readonly jobs = new Map<string, Promise<ScheduleRunJobResult>>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly schedulingJobs: SchedulingJobService) {
    super();
  }

  async dispatch(runId: string): Promise<void> {
    if (this.jobs.has(runId)) return;
    const job = this.tail.then(() => this.run(runId));
    this.tail = job.catch(() => undefined);
    this.jobs.set(runId, job);
    job.catch(() => undefined);
  }

  /** Settles when the run's job has finished; rejects if it failed. */
  completion(runId: string): Promise<ScheduleRunJobResult> {
    return this.jobs.get(runId) ?? Promise.reject(new Error(`No run ${runId} was dispatched in this process`));
  }

  async onApplicationShutdown() {
    await this.tail;
  }

  private async run(runId: string): Promise<ScheduleRunJobResult> {
    const outcome = await this.schedulingJobs.run(runId, async (progress) => {
      this.logger.debug({ runId, ...progress }, 'scheduling progress');
    });
    return { ...outcome, processedBy: 'api' };
  }
}
