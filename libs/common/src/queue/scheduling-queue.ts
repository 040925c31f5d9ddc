/** The BullMQ queue that carries scheduling work from the API to the worker. */
export const SCHEDULING_QUEUE = 'scheduling';

export const SCHEDULE_RUN_JOB = 'schedule-run';

/** Payload of a `schedule-run` job; the job id is the run id too. */
export interface ScheduleRunJobData {
  runId: string;
}

/** What a finished `schedule-run` job returns. */
export interface ScheduleRunJobResult {
  runId: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  /** Which process ran the job: the worker app, or the API in single-process mode. */
  processedBy: 'worker' | 'api';
}

/** Progress as the worker reports it: the phase it is in and 0–100 overall. */
export interface SchedulingProgress {
  phase: string;
  percent: number;
}

export type ProgressReporter = (progress: SchedulingProgress) => Promise<void>;
