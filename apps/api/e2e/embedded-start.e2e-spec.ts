import { MIGRATIONS } from '../../../migrations';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { API_MAIN, REPO_ROOT, startProcess } from './support/processes';

/**
 * Runs one SQL statement on the embedded database while the server is stopped,
 * through the same start-up code (dist/), in a separate node process (PGlite's
 * WASM loader needs a plain node, not jest's VM).
 */
function embeddedQuery(dataDir: string, sql: string): unknown[] {
  const script = `
    const { Client } = require('pg');
    const { startEmbeddedPostgres } = require('./dist/libs/db/src');
    (async () => {
      const embedded = await startEmbeddedPostgres({ dataDir: process.argv[1] });
      const client = new Client({ connectionString: embedded.url });
      await client.connect();
      const result = await client.query(process.argv[2]);
      await client.end();
      await embedded.stop();
      process.stdout.write(JSON.stringify(result.rows));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script, dataDir, sql], { cwd: REPO_ROOT });
  return JSON.parse(out.toString());
}

describe('npm start with nothing configured: embedded PostgreSQL, single-process scheduling', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fm-embedded-'));
  const env = { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };

  async function startAllInOne() {
    const api = startProcess(API_MAIN, ['--all-in-one'], env);
    // Embedded PostgreSQL starts (and on the first start migrates) in 10–30 s alone; beside the browser tests on 2 cores it has taken over 45 s.
    const [, url] = await api.waitFor(/GraphQL: (http:\/\/[\d.:]+)\/graphql/, 120_000);
    return { api, url };
  }

  it('serves /health and /graphql, and keeps its data across a restart', async () => {
    const signUp = {
      query: 'mutation ($in: SignUpInput!) { signUp(input: $in) { user { id } } }',
      variables: { in: { email: 'kept@vinatech.vn', password: 'a long password', name: 'Kept', company: { name: 'Kept Co', country: 'VN' } } },
    };
    const login = {
      query: 'mutation ($in: LoginInput!) { login(input: $in) { user { email company { name } } } }',
      variables: { in: { email: 'kept@vinatech.vn', password: 'a long password' } },
    };

    const first = await startAllInOne();
    await request(first.url).get('/health').expect(200, /"database":\{"status":"up"\}/);
    // The demo forum is seeded into the empty database, and its logins printed.
    await first.api.waitFor(/Organiser: organizer@demo\.forum \/ demo-organizer/);
    const graphql = await request(first.url).post('/graphql').send({ query: '{ serverInfo { schedulingMode } }' });
    expect(graphql.body).toEqual({ data: { serverInfo: { schedulingMode: 'IN_PROCESS' } } });
    const created = await request(first.url).post('/graphql').send(signUp);
    expect(created.body.errors).toBeUndefined();
    expect(await first.api.stop('SIGINT')).toEqual({ code: 0, signal: null });

    const second = await startAllInOne();
    const again = await request(second.url).post('/graphql').send(login);
    expect(again.body).toEqual({ data: { login: { user: { email: 'kept@vinatech.vn', company: { name: 'Kept Co' } } } } });
    expect(await second.api.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    // Migrations ran on the first start, not again on the second.
    expect(embeddedQuery(dataDir, `SELECT count(*)::int AS n FROM migrations`)).toEqual([{ n: MIGRATIONS.length }]);
  }, 300_000);
});
