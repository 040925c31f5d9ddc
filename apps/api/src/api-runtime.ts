import type { AppConfig } from '@forum/common';

/** How this API process runs: its configuration and what start-up decided from it. */
export interface ApiRuntime {
  config: AppConfig;
  /** The database to use: DATABASE_URL, or the embedded one started for this process. */
  databaseUrl: string;
  databasePoolSize: number;
  /** The embedded PostgreSQL (PGlite): one backend session behind every connection. */
  embeddedDatabase: boolean;
  /** `queue`: BullMQ to the worker app. `in-process`: single-process mode, no Redis. */
  schedulingMode: SchedulingMode;
}

export type SchedulingMode = 'queue' | 'in-process';
export const API_RUNTIME = Symbol('API_RUNTIME');
