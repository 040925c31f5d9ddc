import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

export interface DatabaseOptions {
  url: string;
  /** Connections in the pool; the embedded database serves one query at a time, so 1 there. */
  poolSize?: number;
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
    applicationName: 'forum-matchmaker',
  };
}
