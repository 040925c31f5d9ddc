import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meeting, Schedule, ScheduleRun } from '@forum/db';
import { DynamicModule, Module } from '@nestjs/common';
import { redisConnectionOptions, SCHEDULING_QUEUE } from '@forum/common';
import { SchedulingJobsModule } from '@forum/scheduling';
import type { ApiRuntime } from '../api-runtime';
import { ForumsModule } from '../forums/forums.module';
import { RunInstanceController } from './run-instance.controller';
import { SchedulesResolver } from './schedules.resolver';
import { MeetingsService } from './meetings.service';
import { SchedulesService } from './schedules.service';
import { InProcessSchedulingDispatcher } from './in-process-scheduling.dispatcher';
import { QueueSchedulingDispatcher } from './queue-scheduling.dispatcher';
import { SchedulingDispatcher } from './scheduling-dispatcher';

@Module({})
export class SchedulingModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    const { config } = runtime;
    const common = {
      imports: [TypeOrmModule.forFeature([ScheduleRun, Schedule, Meeting]), ForumsModule],
      providers: [SchedulesService, SchedulesResolver, MeetingsService],
      controllers: [RunInstanceController],
    };
    if (runtime.schedulingMode === 'queue' && config.redisUrl) {
      return {
        module: SchedulingModule,
        imports: [
          ...common.imports,
          BullModule.forRoot({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
          BullModule.registerQueue({ name: SCHEDULING_QUEUE }),
        ],
        controllers: common.controllers,
        providers: [...common.providers, { provide: SchedulingDispatcher, useClass: QueueSchedulingDispatcher }],
        exports: [SchedulingDispatcher],
      };
    }
    return {
      module: SchedulingModule,
      imports: [...common.imports, SchedulingJobsModule],
      controllers: common.controllers,
      providers: [...common.providers, InProcessSchedulingDispatcher, { provide: SchedulingDispatcher, useExisting: InProcessSchedulingDispatcher }],
      exports: [SchedulingDispatcher, InProcessSchedulingDispatcher],
    };
  }
}
