import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AppConfig, loadConfig } from '@forum/common';
import { createTestDatabase, TestDatabase } from '@forum/db/testing';
import type { ApiRuntime } from '../../src/api-runtime';
import { createApiApp, prepareRuntime } from '../../src/bootstrap';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export interface TestApi {
  app: INestApplication;
  runtime: ApiRuntime;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A unique BullMQ key prefix, so concurrent test runs never share a queue. */
export function uniqueQueuePrefix(): string {
  return `fm-test-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * The API on a fresh, migrated database of the real PostgreSQL server, listening
 * on a free port. With `redisUrl`, scheduling goes through BullMQ (queue mode);
 * without it, the API runs jobs itself (single-process mode).
 */
export async function startTestApi(
  options: { redisUrl?: string; queuePrefix?: string; nodeEnv?: 'test' | 'production'; env?: Record<string, string> } = {},
): Promise<TestApi> {
  const database = await createTestDatabase({ migrate: true });
  const config = loadConfig({
    NODE_ENV: options.nodeEnv ?? 'test',
    JWT_SECRET: options.nodeEnv === 'production' ? randomBytes(32).toString('hex') : undefined,
    PORT: '0',
    DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: options.queuePrefix ?? uniqueQueuePrefix(),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fm-e2e-')),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...options.env,
  });
  const { runtime } = await prepareRuntime(config, { allInOne: !options.redisUrl });
  const app = await createApiApp(runtime);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    runtime,
    config,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
