import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, startProcess, WORKER_MAIN } from './support/processes';

/** Start-up refuses bad configuration with one line that names the variable, and a non-zero exit. */
describe('start-up with bad configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fm-startup-'));

  it.each([
    ['PORT=abc', API_MAIN, ['--all-in-one'], { PORT: 'abc' }, /^Invalid configuration: PORT must be a whole number/],
    ['DATABASE_URL=notaurl', API_MAIN, ['--all-in-one'], { DATABASE_URL: 'notaurl' }, /^Invalid configuration: DATABASE_URL must be a postgres/],
    ['REDIS_URL=localhost', API_MAIN, ['--all-in-one'], { REDIS_URL: 'localhost' }, /^Invalid configuration: REDIS_URL must be a redis/],
    ['start:api without DATABASE_URL', API_MAIN, [], {}, /^DATABASE_URL must be set for start:api/],
    ['worker without DATABASE_URL', WORKER_MAIN, [], { REDIS_URL: 'redis://127.0.0.1:6379' }, /^Invalid configuration: DATABASE_URL must be set for the worker/],
    ['worker with PORT=abc', WORKER_MAIN, [], { PORT: 'abc' }, /^Invalid configuration: PORT /],
  ])('%s: stops with one clear line', async (_name, script, args, env, message) => {
    const run = startProcess(script, args, { DATA_DIR: dataDir, ...env });
    const { code } = await run.exited();
    expect(code).not.toBe(0);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
