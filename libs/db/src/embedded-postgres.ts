import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Connections a client pool keeps on the embedded database. */
export const EMBEDDED_POOL_SIZE = 3;

export interface EmbeddedPostgres {
  /** A postgres:// URL the ordinary `pg` driver connects to. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL in this process (PGlite, kept under `<dataDir>/pglite`) and
 * serves it over the wire protocol on a free loopback port, so TypeORM and `pg`
 * use it exactly as they use a real server.
 *
 * PGlite runs one query at a time, and an open transaction holds every other
 * connection until it ends; clients keep small pools (EMBEDDED_POOL_SIZE) and
 * never wait, inside a transaction, on another connection. A scheduling run
 * needs two at least: its advisory lock holds one while it works on another.
 * The server accepts more (`maxConnections`, default 8) because a connection
 * a client has just closed still counts for a moment.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  const dataDir = join(options.dataDir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  // The contrib modules publish ESM typings only; import() keeps TypeScript happy and loads their CommonJS build.
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { uuid_ossp } = await import('@electric-sql/pglite/contrib/uuid_ossp');
  const db = await PGlite.create({ dataDir, extensions: { uuid_ossp, btree_gist } });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 8,
  });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
