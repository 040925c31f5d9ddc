import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { RedisHealthIndicator } from './redis.health';

/** `GET /health`: 200 when every configured dependency answers, 503 naming the one that does not. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @Optional() @Inject(RedisHealthIndicator) private readonly redis?: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    const redis = this.redis;
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      ...(redis ? [() => redis.isHealthy('redis')] : []),
    ]);
  }
}
