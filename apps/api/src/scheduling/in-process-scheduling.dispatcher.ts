import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ScheduleForumJobData, ScheduleForumJobResult } from '@forum/common';
import { SchedulingJobService } from '@forum/scheduling';
import { SchedulingDispatcher } from './scheduling-dispatcher';

/**
 * Single-process mode (no REDIS_URL): runs the job in this process, after the
 * calling request has returned, through the same service the worker uses.
 * Jobs run one at a time, in the order they were dispatched, as with a worker
 * of concurrency 1.
 */
@Injectable()
export class InProcessSchedulingDispatcher extends SchedulingDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger(InProcessSchedulingDispatcher.name);
  private readonly jobs = new Map<string, Promise<ScheduleForumJobResult>>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly schedulingJobs: SchedulingJobService) {
    super();
  }

  async dispatch(data: ScheduleForumJobData, jobId: string): Promise<string> {
    if (!this.jobs.has(jobId)) {
      const job = this.tail.then(() => this.run(data, jobId));
      this.tail = job.catch(() => undefined);
      this.jobs.set(jobId, job);
      job.catch(() => undefined);
    }
    return jobId;
  }

  /** Settles when the job has finished; rejects if it failed. */
  completion(jobId: string): Promise<ScheduleForumJobResult> {
    const job = this.jobs.get(jobId);
    if (!job) {
      return Promise.reject(new Error(`No job ${jobId} was dispatched in this process`));
    }
    return job;
  }

  async onApplicationShutdown() {
    await this.tail;
  }

  private async run(data: ScheduleForumJobData, jobId: string): Promise<ScheduleForumJobResult> {
    try {
      const outcome = await this.schedulingJobs.scheduleForum(data, async (progress) => {
        this.logger.log({ jobId, ...progress }, 'scheduling progress');
      });
      return { ...outcome, processedBy: 'api' };
    } catch (error) {
      this.logger.error({ jobId, err: error }, 'scheduling job failed');
      throw error;
    }
  }
}
