import { INestApplication, ValidationPipe } from '@nestjs/common';
import { validationException } from './common/validation-fields';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@forum/common';
import { DataSource } from 'typeorm';
import { DemoSeedResult, EMBEDDED_POOL_SIZE, EmbeddedPostgres, runMigrations, seedDemo, startEmbeddedPostgres } from '@forum/db';
import { ApiRuntime } from './api-runtime';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';
import { invalidDocumentStatus } from './common/graphql-hardening';
import { DomainErrorFilter } from './common/domain-error.filter';

export interface StartOptions {
  /**
   * `npm start`: an embedded database when DATABASE_URL is unset, scheduling in
   * this process when REDIS_URL is unset, migrations applied first.
   * Otherwise (`npm run start:api`) both URLs are required and nothing is migrated.
   */
  allInOne: boolean;
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface RunningApi {
  app: INestApplication;
  runtime: ApiRuntime;
  /** What `npm start` seeded (or found) as the demo forum; undefined when not seeding. */
  demo?: DemoSeedResult;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/** Decides how this process runs from its configuration, starting the embedded database if needed. */
export async function prepareRuntime(
  config: AppConfig,
  options: StartOptions,
): Promise<{ runtime: ApiRuntime; embedded?: EmbeddedPostgres }> {
  if (!options.allInOne) {
    if (!config.databaseUrl) throw new StartupError('DATABASE_URL must be set for start:api (npm start embeds a database)');
    if (!config.redisUrl) throw new StartupError('REDIS_URL must be set for start:api (npm start schedules in-process)');
  }
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    databaseUrl = embedded.url;
  }
  if (options.allInOne) {
    await runMigrations({ url: databaseUrl });
  }
  return {
    embedded,
    runtime: {
      config,
      databaseUrl,
      databasePoolSize: embedded ? EMBEDDED_POOL_SIZE : 10,
      embeddedDatabase: Boolean(embedded),
      schedulingMode: config.redisUrl ? 'queue' : 'in-process',
    },
  };
}

/** Creates the Nest application with the settings every entry point shares (main, tests). */
export async function createApiApp(runtime: ApiRuntime): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationException }));
  app.useGlobalFilters(new DomainErrorFilter());
  app.use('/graphql', invalidDocumentStatus);
  if (runtime.schedulingMode === 'queue') mountQueueDashboard(app);
  return app;
}

export async function startApi(config: AppConfig, options: StartOptions): Promise<RunningApi> {
  const { runtime, embedded } = await prepareRuntime(config, options);
  let app: INestApplication | undefined;
  let demo: DemoSeedResult | undefined;
  try {
    app = await createApiApp(runtime);
    if (options.allInOne && config.seedDemo) demo = await seedDemo(app.get(DataSource));
    await app.listen(config.port, '0.0.0.0');
  } catch (error) {
    await app?.close();
    await embedded?.stop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const logger = app.get(Logger);
  logger.log(
    {
      database: embedded ? `embedded PostgreSQL in ${embedded.dataDir}` : 'PostgreSQL server',
      scheduling: runtime.schedulingMode,
    },
    runtime.schedulingMode === 'in-process'
      ? 'Single-process mode: scheduling jobs run inside this API process (set REDIS_URL to use the worker app)'
      : 'Scheduling jobs go through Redis to the worker app',
    'Bootstrap',
  );
  const running = app;
  return {
    app: running,
    runtime,
    demo,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await running.close();
      await embedded?.stop();
    },
  };
}
