import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { API_MAIN, REPO_ROOT, startProcess } from './support/processes';

const run = promisify(execFile);

/** README's guided tour, run verbatim against `npm start` (embedded database, single-process scheduling, demo forum). */
describe("README's guided tour", () => {
  it('produces a published schedule and a company agenda with meetings, calendar and PDF', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /<!-- tour:start -->\s*```sh\n([\s\S]*?)```\s*<!-- tour:end -->/.exec(readme);
    expect(block).not.toBeNull();
    const server = startProcess(API_MAIN, ['--all-in-one'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'fm-tour-')), PORT: '0', LOG_LEVEL: 'warn' });
    try {
      const [, url] = await server.waitFor(/GraphQL: (http:\/\/[\d.:]+)\/graphql/, 60000);
      const cwd = mkdtempSync(join(tmpdir(), 'fm-tour-out-'));
      const { stdout } = await run('bash', ['-e', '-c', block![1]], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', API: url }, timeout: 120_000 });
      expect(stdout).toMatch(/^Demo forum: [0-9a-f-]{36}$/m);
      expect(stdout).toMatch(/^Run [0-9a-f-]{36}: SUCCEEDED$/m);
      const stats = JSON.parse(/^\{"scheduleRun".*$/m.exec(stdout)![0]).scheduleRun.stats;
      expect(stats.meetings).toBeGreaterThan(150);
      expect(stdout).toContain('{"publishSchedule":{"version":1}}');
      const agenda = JSON.parse(/^\{"agenda".*$/m.exec(stdout)![0]).agenda;
      expect(agenda.length).toBeGreaterThan(0);
      const [, meetings] = /Saved agenda\.ics \((\d+) meetings\) and agenda\.pdf/.exec(stdout)!;
      expect(Number(meetings)).toBe(agenda.length);
      expect(readFileSync(join(cwd, 'agenda.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await server.stop();
    }
  }, 180_000);
});
