import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@forum/common';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig(process.env);
  if (!config.databaseUrl || !config.redisUrl) {
    throw new ConfigError(
      `Invalid configuration: ${config.databaseUrl ? 'REDIS_URL' : 'DATABASE_URL'} must be set for the worker`,
    );
  }
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: BullMQ's worker finishes or hands back its current job, then connections close.
  app.enableShutdownHooks();
  app.get(Logger).log({ queue: 'scheduling', prefix: config.queuePrefix }, 'Worker ready', 'Bootstrap');
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `Worker start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
