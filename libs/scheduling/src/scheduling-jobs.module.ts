import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Forum } from '@forum/db';
import { SchedulingJobService } from './scheduling-job.service';

@Module({
  imports: [TypeOrmModule.forFeature([Forum])],
  providers: [SchedulingJobService],
  exports: [SchedulingJobService],
})
export class SchedulingJobsModule {}
