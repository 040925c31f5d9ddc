/**
 * npm run bench:pipeline [-- --sizes 500,2000]
 *
 * Time from generateSchedule to SUCCEEDED on seeded forums, split by phase
 * (load, build instance, solve, store), in the two ways the product runs:
 * the worker app through Redis (production) beside single-process mode
 * (`npm start`), in one run. Needs PostgreSQL and Redis (TEST_DATABASE_URL /
 * TEST_REDIS_URL, or the local defaults). Writes docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@forum/common';
import { createTestDatabase } from '@forum/db/testing';
import { AuthService } from '../apps/api/src/auth/auth.service';
import { startApi } from '../apps/api/src/bootstrap';
import { replaceSection } from './report';
import { seedLargeForum } from '@forum/db/testing';

const ROOT = join(__dirname, '../..');
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const sizesArg = process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1] : '500,2000';
const sizes = sizesArg.split(',').map(Number);

interface Measured {
  mode: string;
  companies: number;
  seconds: number;
  phases: { load: number; build: number; solve: number; store: number };
  meetings: number;
  requestsFulfilled: number;
  requestsTotal: number;
  gap: number;
}

async function measure(mode: 'worker' | 'single-process', companies: number): Promise<Measured> {
  const database = await createTestDatabase({ migrate: true });
  const queuePrefix = `fm-bench-${Date.now().toString(36)}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    REDIS_URL: mode === 'worker' ? REDIS_URL : undefined,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fm-bench-')),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
  });
  const api = await startApi(config, { allInOne: true });
  const worker =
    mode === 'worker'
      ? spawn(process.execPath, [join(ROOT, 'dist/apps/worker/src/main.js')], {
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: queuePrefix, DATA_DIR: config.dataDir, LOG_LEVEL: 'warn' },
          stdio: 'ignore',
        })
      : undefined;
  try {
    const auth = api.app.get(AuthService);
    await auth.createOrganizer('bench@example.com', 'bench-password', 'Bench');
    const token = (await auth.login('bench@example.com', 'bench-password')).accessToken;
    const graphql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const forumId = await seedLargeForum(api.app.get(DataSource), graphql, companies);
    const started = Date.now();
    const { generateSchedule } = await graphql<{ generateSchedule: { id: string } }>('mutation ($f: ID!) { generateSchedule(forumId: $f, options: { seed: 1 }) { id } }', { f: forumId });
    for (;;) {
      const { scheduleRun } = await graphql<{ scheduleRun: { status: string; error: string | null } }>('query ($id: ID!) { scheduleRun(id: $id) { status error } }', { id: generateSchedule.id });
      if (scheduleRun.status === 'SUCCEEDED') break;
      if (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING') throw new Error(`run ${scheduleRun.status}: ${scheduleRun.error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (Date.now() - started) / 1000;
    const [run] = await api.app.get(DataSource).query('SELECT stats FROM schedule_run WHERE id = $1', [generateSchedule.id]);
    const stats = run.stats as { meetings: number; requestsFulfilled: number; requestsTotal: number; gap: number; seconds: Measured['phases'] };
    return { mode, companies, seconds, phases: stats.seconds, meetings: stats.meetings, requestsFulfilled: stats.requestsFulfilled, requestsTotal: stats.requestsTotal, gap: stats.gap };
  } finally {
    worker?.kill('SIGTERM');
    await api.close();
    await database.drop();
  }
}

async function main() {
  const rows: Measured[] = [];
  for (const companies of sizes) {
    for (const mode of ['worker', 'single-process'] as const) {
      const result = await measure(mode, companies);
      process.stderr.write(`${mode} ${companies}: ${result.seconds.toFixed(2)} s\n`);
      rows.push(result);
    }
  }
  const body = [
    `Command: \`npm run bench:pipeline${sizesArg === '500,2000' ? '' : ` -- --sizes ${sizesArg}`}\` · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version} · PostgreSQL and Redis on localhost.`,
    '',
    'Seconds from `generateSchedule` to the run reading SUCCEEDED (polled every 50 ms), and the run\'s own phase times. Seeded forums (libs/db/src/testing/seed-large-forum.ts): 40 % Korean, 60 % Vietnamese, about six requests per company, 20-minute slots over 09:00–12:00 and 13:00–17:00 (21 slots), tables for a fifth of the companies. "worker": the API queues the run in Redis and the worker app (a separate process) does it; "single-process": `npm start`\'s mode, the API does it on a worker thread.',
    '',
    '| companies | mode | total s | load s | build s | solve s | store s | meetings | requests fulfilled | gap to bound |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.companies} | ${r.mode} | **${r.seconds.toFixed(2)}** | ${r.phases.load.toFixed(2)} | ${r.phases.build.toFixed(2)} | ${r.phases.solve.toFixed(2)} | ${r.phases.store.toFixed(2)} | ${r.meetings} | ${r.requestsFulfilled} of ${r.requestsTotal} | ${(r.gap * 100).toFixed(3)} % |`,
    ),
    '',
  ].join('\n');
  const target = join(ROOT, 'docs/benchmarks.md');
  writeFileSync(target, replaceSection(existsSync(target) ? readFileSync(target, 'utf8') : '', 'pipeline', body));
  process.stdout.write(`${body}\nWritten to docs/benchmarks.md\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
