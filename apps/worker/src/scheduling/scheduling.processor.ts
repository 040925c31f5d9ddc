import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { SCHEDULING_QUEUE, ScheduleForumJobData, ScheduleForumJobResult } from '@forum/common';
import { ForumNotFoundError, SchedulingJobService } from '@forum/scheduling';

/** Takes `scheduling` jobs off the queue; the work itself is SchedulingJobService's. */
@Processor(SCHEDULING_QUEUE, { concurrency: 1 })
export class SchedulingProcessor extends WorkerHost {
  private readonly logger = new Logger(SchedulingProcessor.name);

  constructor(private readonly schedulingJobs: SchedulingJobService) {
    super();
  }

  async process(job: Job<ScheduleForumJobData, ScheduleForumJobResult>): Promise<ScheduleForumJobResult> {
    try {
      const outcome = await this.schedulingJobs.scheduleForum(job.data, async (progress) => {
        await job.updateProgress(progress);
      });
      return { ...outcome, processedBy: 'worker' };
    } catch (error) {
      this.logger.error({ jobId: job.id, err: error }, 'scheduling job failed');
      // A job about a forum that does not exist will never succeed: do not retry it.
      if (error instanceof ForumNotFoundError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
