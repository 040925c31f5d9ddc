/**
 * Hands a schedule run to whoever does it and returns at once. With Redis,
 * that is the worker app through BullMQ (job id = run id, so adding twice
 * never runs twice); without it (single-process mode of `npm start`), this
 * process, through the same SchedulingJobService.
 */
export abstract class SchedulingDispatcher {
  abstract dispatch(runId: string): Promise<void>;
}
