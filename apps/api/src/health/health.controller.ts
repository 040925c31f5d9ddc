import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { RedisHealthIndicator } from './redis.health';
import { SchedulingWorkers } from './scheduling-workers';

const NO_WORKER = 'No scheduling worker has reported in the last 30 s: schedule runs wait in the queue until one starts (npm run start:worker)';

/**
 * `GET /health`: 200 when every dependency of the API answers, 503 naming the
 * one that does not. With a queue, it also says whether a scheduling worker is
 * alive; a missing worker does not make the API unready (it still serves
 * everything but finished runs), so it shows in the details with a 200.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly workers: SchedulingWorkers,
    @Optional() @Inject(RedisHealthIndicator) private readonly redis?: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    const redis = this.redis;
    const result = await this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      ...(redis ? [() => redis.isHealthy('redis')] : []),
    ]);
    const workers = await this.workers.count().catch(() => null);
    if (workers !== null) {
      const part = workers > 0 ? { status: 'up' as const, workers } : { status: 'down' as const, workers, message: NO_WORKER };
      result.details['scheduling-worker'] = part;
      if (workers > 0) result.info = { ...result.info, 'scheduling-worker': part };
      else result.error = { ...result.error, 'scheduling-worker': part };
    }
    return result;
  }
}
