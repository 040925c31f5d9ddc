import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

export interface DatabaseOptions {
  url: string;
  /** Connections in the pool; the embedded database serves one query at a time, so 1 there. */
  poolSize?: number;
  /**
   * The embedded database (PGlite): every pool connection shares one backend
   * session, so per-connection state such as named prepared statements clashes.
   */
  embedded?: boolean;
  /** Log every SQL statement (debugging only). */
  logging?: boolean;
}

/**
 * The one description of our database used by the API, the worker, the CLI and
 * the TypeORM command line. Schema changes go through migrations, never synchronize.
 */
export function dataSourceOptions(options: DatabaseOptions): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Extensions are created by migrations, not by every process on connect.
    installExtensions: false,
    logging: options.logging ?? false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.embedded ? EMBEDDED_APPLICATION_NAME : 'forum-matchmaker',
  };
}

const EMBEDDED_APPLICATION_NAME = 'forum-matchmaker-embedded';

/**
 * Whether named (server-side prepared) statements may be used: on a real
 * PostgreSQL each pool connection is its own session; on the embedded one
 * they all share one, where a second connection preparing the same name fails.
 */
export function namedStatementsAllowed(options: { applicationName?: string }): boolean {
  return options.applicationName !== EMBEDDED_APPLICATION_NAME;
}
