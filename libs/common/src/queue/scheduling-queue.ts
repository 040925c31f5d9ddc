/** The BullMQ queue that carries scheduling work from the API to the worker. */
export const SCHEDULING_QUEUE = 'scheduling';

export const SCHEDULE_FORUM_JOB = 'schedule-forum';

/** Payload of a `schedule-forum` job. */
export interface ScheduleForumJobData {
  forumId: string;
}

/** What a finished `schedule-forum` job returns. */
export interface ScheduleForumJobResult {
  forumId: string;
  forumName: string;
  /** Which process ran the job: the worker app, or the API in single-process mode. */
  processedBy: 'worker' | 'api';
}

/** Progress as the worker reports it: the phase it is in and 0–100 overall. */
export interface SchedulingProgress {
  phase: string;
  percent: number;
}

export type ProgressReporter = (progress: SchedulingProgress) => Promise<void>;
