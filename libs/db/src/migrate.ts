import { DataSource } from 'typeorm';
import { DatabaseOptions, dataSourceOptions } from './data-source-options';

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function runMigrations(options: DatabaseOptions): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(options), poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
