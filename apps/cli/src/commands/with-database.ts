import { DataSource } from 'typeorm';
import type { AppConfig } from '@forum/common';
import { dataSourceOptions, EMBEDDED_POOL_SIZE, runMigrations, startEmbeddedPostgres } from '@forum/db';

/** Runs `work` on DATABASE_URL, or on the embedded database under DATA_DIR, migrated first. */
export async function withDatabase<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const url = config.databaseUrl ?? (embedded?.url as string);
  try {
    await runMigrations({ url });
    const dataSource = await new DataSource({ ...dataSourceOptions({ url }), poolSize: embedded ? EMBEDDED_POOL_SIZE : 4 }).initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}
