import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SCHEDULE_FORUM_JOB, SCHEDULING_QUEUE, ScheduleForumJobData } from '@forum/common';
import { SchedulingDispatcher } from './scheduling-dispatcher';

/** Adds the job to the `scheduling` queue; the worker app picks it up. */
@Injectable()
export class QueueSchedulingDispatcher extends SchedulingDispatcher {
  constructor(@InjectQueue(SCHEDULING_QUEUE) private readonly queue: Queue<ScheduleForumJobData>) {
    super();
  }

  async dispatch(data: ScheduleForumJobData, jobId: string): Promise<string> {
    // The job id is the caller's (later: the schedule run id), so adding twice never runs twice.
    const job = await this.queue.add(SCHEDULE_FORUM_JOB, data, {
      jobId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    return job.id ?? jobId;
  }
}
