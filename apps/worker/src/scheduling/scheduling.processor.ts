import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { SCHEDULING_QUEUE, ScheduleRunJobData, ScheduleRunJobResult } from '@forum/common';
import { RunNotFoundError, SchedulingJobService } from '@forum/scheduling';

/** Takes `scheduling` jobs off the queue; the work itself is SchedulingJobService's. */
@Processor(SCHEDULING_QUEUE, { concurrency: 1, lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 2 })
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
