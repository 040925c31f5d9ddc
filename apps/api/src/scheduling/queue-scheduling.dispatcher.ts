import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SCHEDULE_RUN_JOB, SCHEDULING_QUEUE, ScheduleRunJobData } from '@forum/common';
import { SchedulingDispatcher } from './scheduling-dispatcher';

/** Adds the run to the `scheduling` queue; the worker app picks it up. */
@Injectable()
export class QueueSchedulingDispatcher extends SchedulingDispatcher {
  constructor(@InjectQueue(SCHEDULING_QUEUE) private readonly queue: Queue<ScheduleRunJobData>) {
    super();
  }

  async dispatch(runId: string): Promise<void> {
    await this.queue.add(SCHEDULE_RUN_JOB, { runId }, {
      jobId: runId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
