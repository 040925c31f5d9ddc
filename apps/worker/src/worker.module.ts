import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule, loggerOptions, redisConnectionOptions, SCHEDULING_QUEUE } from '@forum/common';
import { dataSourceOptions } from '@forum/db';
import { NotificationsModule } from '@forum/notifications';
import { SchedulingJobsModule } from '@forum/scheduling';
import { HeartbeatService } from './heartbeat.service';
import { RunReconciler } from './scheduling/run-reconciler';
import { schedulingProcessorWithLock } from './scheduling/scheduling.processor';

export interface WorkerRuntime {
  config: AppConfig;
  databaseUrl: string;
  redisUrl: string;
}

/** The worker: no HTTP, only the processors of the `scheduling` and `notifications` queues (and the outbox relay). */
@Module({})
export class WorkerModule {
  static forRoot(runtime: WorkerRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, 'worker')),
        TypeOrmModule.forRoot(dataSourceOptions({ url: runtime.databaseUrl, poolSize: 4 })),
        BullModule.forRoot({ connection: redisConnectionOptions(runtime.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: SCHEDULING_QUEUE }),
        SchedulingJobsModule,
        NotificationsModule.forRoot('queue', config.workerLockMs),
      ],
      providers: [schedulingProcessorWithLock(config.workerLockMs), HeartbeatService, RunReconciler],
    };
  }
}
