import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './support/processes';

function build(out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--out', out], { cwd: REPO_ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output: output.trim() }));
  });
}

/** `npm run start:api` and `npm run start:worker` started at the same moment both build first. */
describe('scripts/build.mjs', () => {
  it('builds once when two processes start together, and not again while sources are unchanged', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'fm-build-')), 'dist');
    const results = await Promise.all([build(out), build(out)]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(results.map((result) => result.output).sort()).toEqual(['built', 'up to date']);
    expect(existsSync(join(out, 'apps/api/src/main.js'))).toBe(true);
    expect(existsSync(join(out, 'apps/worker/src/main.js'))).toBe(true);
    expect(existsSync(`${out}.build-lock`)).toBe(false);
    expect(await build(out)).toEqual({ code: 0, output: 'up to date' });
  });
});
