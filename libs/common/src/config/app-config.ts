import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one typed configuration object of every process (api, worker, cli).
 * It is read from the environment once, at start-up, by `loadConfig`; nothing
 * else reads `process.env`.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** Unset: the API starts an embedded PostgreSQL (PGlite) under `dataDir`. */
  databaseUrl?: string;
  /** Unset: scheduling jobs run inside the API process (single-process mode). */
  redisUrl?: string;
  /** Prefix of every BullMQ key in Redis; tests use a unique one per run. */
  queuePrefix: string;
  jwtSecret: string;
  /** Where local state lives: the embedded database and a generated JWT secret. */
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Worker only: a file it touches while PostgreSQL and Redis answer (container healthcheck). */
  workerHeartbeatFile?: string;
  /** Worker only: how long a job's lock lasts without renewal; a killed worker's job is taken over after it. */
  workerLockMs: number;
  /** How often the worker (or the API in single-process mode) re-queues runs that PostgreSQL says are waiting but the queue has lost. */
  reconcileIntervalMs: number;
  /** `npm start` seeds the demo forum into an empty database unless this is false. */
  seedDemo: boolean;
  /** API: queries asked for again run compiled by graphql-jit; false runs every query on graphql-js. */
  graphqlJit: boolean;
  /** API: POST /graphql with JSON is served before Express (GraphqlHttpFront); false leaves it to Express. */
  graphqlHttpFront: boolean;
  /** API: agendas read at a forum's agenda stamp are reused while the stamp holds (AgendaCache); false reads every agenda whole. */
  agendaCache: boolean;
  /** Where email goes (smtp:// or smtps://); unset: a local mailbox (files under `<dataDir>/mailbox`, and the log). */
  smtpUrl?: string;
  /** The From of every message. */
  mailFrom: string;
  /** The web app's address, for absolute links in messages (reset, agenda, unsubscribe). */
  publicUrl: string;
  /** How long agenda changes to one person are gathered into one message. */
  notifyBatchMs: number;
  /** The first wait before a failed message is tried again (doubling each time). */
  notifyRetryMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const postgresUrl = z
  .string()
  .refine((value) => isUrlWithProtocol(value, ['postgres:', 'postgresql:']), {
    message: 'must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@localhost:5432/forum',
  });

const redisUrl = z.string().refine((value) => isUrlWithProtocol(value, ['redis:', 'rediss:']), {
  message: 'must be a redis:// or rediss:// URL, e.g. redis://localhost:6379',
});

const environmentSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
    .default('development'),
  PORT: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number from 0 to 65535' })
    .transform(Number)
    .refine((port) => port <= 65535, { message: 'must be a whole number from 0 to 65535' })
    .default(3000),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, "-" or "_"' })
    .default('fm'),
  JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters long' }).optional(),
  DATA_DIR: z.string().min(1, { message: 'must not be empty' }).default('.data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  WORKER_HEARTBEAT_FILE: z.string().min(1).optional(),
  WORKER_LOCK_MS: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number of milliseconds (1000 or more)' })
    .transform(Number)
    .refine((ms) => ms >= 1000, { message: 'must be a whole number of milliseconds (1000 or more)' })
    .default(30_000),
  RECONCILE_INTERVAL_MS: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number of milliseconds (500 or more)' })
    .transform(Number)
    .refine((ms) => ms >= 500, { message: 'must be a whole number of milliseconds (500 or more)' })
    .default(15_000),
  SMTP_URL: z.string().refine((value) => isUrlWithProtocol(value, ['smtp:', 'smtps:']), { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587' }).optional(),
  MAIL_FROM: z.string().regex(/^(.+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'must be an address, e.g. "Forum <forum@example.com>" or forum@example.com' }).default('Forum Matchmaker <no-reply@forum-matchmaker.local>'),
  PUBLIC_URL: z.string().refine((value) => isUrlWithProtocol(value, ['http:', 'https:']), { message: 'must be an http:// or https:// URL, e.g. https://forum.example.com' }).optional(),
  NOTIFY_BATCH_MS: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number of milliseconds' })
    .transform(Number)
    .default(120_000),
  NOTIFY_RETRY_MS: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number of milliseconds' })
    .transform(Number)
    .default(2_000),
  SEED_DEMO: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  GRAPHQL_JIT: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  GRAPHQL_HTTP_FRONT: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  AGENDA_CACHE: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
});

export type Environment = Record<string, string | undefined>;

/**
 * Validates the environment and returns the typed configuration.
 * Throws `ConfigError` whose message names the first offending variable.
 *
 * Without `JWT_SECRET`, a local run generates one and keeps it in
 * `<DATA_DIR>/jwt-secret` so that tokens survive a restart; production refuses
 * to start without it.
 */
export function loadConfig(env: Environment): AppConfig {
  const withoutBlanks = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(withoutBlanks);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    throw new ConfigError(
      `Invalid configuration: ${variable} ${issue.message} (got ${JSON.stringify(withoutBlanks[variable])})`,
    );
  }
  const values = parsed.data;
  const dataDir = resolve(values.DATA_DIR);
  if (values.NODE_ENV === 'production' && !values.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET must be set when NODE_ENV=production');
  }
  return {
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    queuePrefix: values.QUEUE_PREFIX,
    jwtSecret: values.JWT_SECRET ?? localJwtSecret(dataDir),
    dataDir,
    logLevel: values.LOG_LEVEL,
    workerHeartbeatFile: values.WORKER_HEARTBEAT_FILE,
    workerLockMs: values.WORKER_LOCK_MS,
    reconcileIntervalMs: values.RECONCILE_INTERVAL_MS,
    seedDemo: values.SEED_DEMO,
    graphqlJit: values.GRAPHQL_JIT,
    graphqlHttpFront: values.GRAPHQL_HTTP_FRONT,
    agendaCache: values.AGENDA_CACHE,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ''),
    notifyBatchMs: values.NOTIFY_BATCH_MS,
    notifyRetryMs: values.NOTIFY_RETRY_MS,
  };
}

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

function localJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
