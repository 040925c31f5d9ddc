import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { ApiRuntime } from '../api-runtime';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { SchedulingWorkersModule } from './scheduling-workers';

@Module({})
export class HealthModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), SchedulingWorkersModule],
      controllers: [HealthController],
      providers: runtime.config.redisUrl ? [RedisHealthIndicator] : [],
    };
  }
}
