import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { SCHEDULING_QUEUE, ScheduleRunJobData, ScheduleRunJobResult } from '@forum/common';
import { RunNotFoundError, SchedulingJobService } from '@forum/scheduling';

/** Takes `scheduling` jobs off the queue; the work itself is SchedulingJobService's. */
@Injectable()
export class SchedulingProcessor extends WorkerHost {
  private readonly logger = new Logger(SchedulingProcessor.name);

  constructor(private readonly schedulingJobs: SchedulingJobService) {
    super();
  }

  async process(job: Job<ScheduleRunJobData, ScheduleRunJobResult>): Promise<ScheduleRunJobResult> {
    try {
      const outcome = await this.schedulingJobs.run(job.data.runId, async (progress) => {
        await job.updateProgress(progress);
      });
      return { ...outcome, processedBy: 'worker' };
    } catch (error) {
      this.logger.error({ jobId: job.id, err: error }, 'scheduling job failed');
      // A run that does not exist will never succeed: do not retry it.
      if (error instanceof RunNotFoundError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}

/**
 * The processor bound to the queue with the configured lock: a job whose
 * worker died (no lock renewal for `lockMs`) is taken over by another worker
 * once the stalled-job check (every lockMs / 2) sees it.
 */
export function schedulingProcessorWithLock(lockMs: number): Type<SchedulingProcessor> {
  @Processor(SCHEDULING_QUEUE, { concurrency: 1, lockDuration: lockMs, stalledInterval: Math.max(500, Math.floor(lockMs / 2)), maxStalledCount: 2 })
  class ConfiguredSchedulingProcessor extends SchedulingProcessor {}
  return ConfiguredSchedulingProcessor;
}
