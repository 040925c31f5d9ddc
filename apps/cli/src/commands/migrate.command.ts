import type { AppConfig } from '@forum/common';
import { runMigrations, startEmbeddedPostgres } from '@forum/db';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database under DATA_DIR. */
export async function migrateCommand(config: AppConfig, print: (line: string) => void): Promise<void> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
  try {
    const applied = await runMigrations({ url: config.databaseUrl ?? (embedded?.url as string) });
    const where = embedded ? `embedded database in ${embedded.dataDir}` : 'DATABASE_URL';
    print(applied.length ? `Applied to ${where}: ${applied.join(', ')}` : `No pending migrations (${where}).`);
  } finally {
    await embedded?.stop();
  }
}
