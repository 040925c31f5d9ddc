import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { namedStatementsAllowed } from '@forum/db';

/**
 * A hot-path query straight on the pg pool TypeORM connects through (the same
 * connections, limits and types), as a named statement where the database
 * allows it (see namedStatementsAllowed).
 */
export async function queryOnPool<Row extends QueryResultRow = QueryResultRow>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<{ rows: Row[] }> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const named = namedStatementsAllowed(dataSource.options as { applicationName?: string });
  return pool.query<Row>(named ? { name, text, values } : { text, values });
}

