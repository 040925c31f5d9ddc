import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { ApiRuntime } from '../api-runtime';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

@Module({})
export class HealthModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: runtime.config.redisUrl ? [RedisHealthIndicator] : [],
    };
  }
}
