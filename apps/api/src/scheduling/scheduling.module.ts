import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { redisConnectionOptions, SCHEDULING_QUEUE } from '@forum/common';
import { SchedulingJobsModule } from '@forum/scheduling';
import type { ApiRuntime } from '../api-runtime';
import { InProcessSchedulingDispatcher } from './in-process-scheduling.dispatcher';
import { QueueSchedulingDispatcher } from './queue-scheduling.dispatcher';
import { SchedulingDispatcher } from './scheduling-dispatcher';

@Module({})
export class SchedulingModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    const { config } = runtime;
    if (runtime.schedulingMode === 'queue' && config.redisUrl) {
      return {
        module: SchedulingModule,
        imports: [
          BullModule.forRoot({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
          BullModule.registerQueue({ name: SCHEDULING_QUEUE }),
        ],
        providers: [{ provide: SchedulingDispatcher, useClass: QueueSchedulingDispatcher }],
        exports: [SchedulingDispatcher],
      };
    }
    return {
      module: SchedulingModule,
      imports: [SchedulingJobsModule],
      providers: [InProcessSchedulingDispatcher, { provide: SchedulingDispatcher, useExisting: InProcessSchedulingDispatcher }],
      exports: [SchedulingDispatcher, InProcessSchedulingDispatcher],
    };
  }
}
