import { Module } from '@nestjs/common';
import { SchedulingJobService } from './scheduling-job.service';

@Module({
  providers: [SchedulingJobService],
  exports: [SchedulingJobService],
})
export class SchedulingJobsModule {}
