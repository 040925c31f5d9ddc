import type { ScheduleForumJobData } from '@forum/common';

/**
 * Hands a scheduling job to whoever runs it and returns at once with the job id.
 * With Redis, that is the worker app through BullMQ; without it (single-process
 * mode of `npm start`), this process, through the same SchedulingJobService.
 */
export abstract class SchedulingDispatcher {
  abstract dispatch(data: ScheduleForumJobData, jobId: string): Promise<string>;
}
