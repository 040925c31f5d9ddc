import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SCHEDULE_RUN_JOB, SCHEDULING_QUEUE, ScheduleRunJobData } from '@forum/common';
import { SchedulingDispatcher } from './scheduling-dispatcher';

/** How long generateSchedule waits for Redis to take the job before answering anyway. */
const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Adds the run to the `scheduling` queue; the worker app picks it up. The run
 * row in PostgreSQL is the record: when Redis does not take the job within
 * two seconds (Redis down), the call answers anyway with the run QUEUED, and
 * the worker's reconciler queues it once Redis is back.
 */
@Injectable()
export class QueueSchedulingDispatcher extends SchedulingDispatcher {
  private readonly logger = new Logger(QueueSchedulingDispatcher.name);

  constructor(@InjectQueue(SCHEDULING_QUEUE) private readonly queue: Queue<ScheduleRunJobData>) {
    super();
  }

  async dispatch(runId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS)));
    const added = this.add(runId).then(
      () => 'added' as const,
      (error: unknown) => {
        this.logger.warn({ runId, err: error }, 'could not queue the run; the reconciler will');
        return 'failed' as const;
      },
    );
    const outcome = await Promise.race([added, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.logger.warn({ runId }, 'Redis did not take the run in time; it stays QUEUED and is queued when Redis answers');
  }

  private add(runId: string) {
    return this.queue.add(SCHEDULE_RUN_JOB, { runId }, {
      jobId: runId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
