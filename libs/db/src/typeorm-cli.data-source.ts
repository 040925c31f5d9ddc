/**
 * Entry point for the TypeORM command line (`npm run db:migration:generate`).
 * With DATABASE_URL it diffs the entities against that database; without it,
 * against a throw-away embedded database brought up to the latest migration.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@forum/common';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';

async function cliDataSource(): Promise<DataSource> {
  const config = loadConfig(process.env);
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'fm-migrations-')) });
    url = embedded.url;
    await runMigrations({ url });
  }
  return new DataSource({ ...dataSourceOptions({ url }), poolSize: 1 });
}

export const dataSource = cliDataSource();
