import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSchedule, Instance } from '@forum/matcher';

// The built CLI (dist/), as `npm run match` runs it; nx builds before the matcher tests.
const CLI = join(__dirname, '../../../dist/apps/cli/src/match.js');

const instance: Instance = {
  format: 'forum-matcher/v1',
  slots: [
    { id: 's1', start: '2024-06-10T09:00:00+07:00', end: '2024-06-10T09:30:00+07:00' },
    { id: 's2', start: '2024-06-10T09:30:00+07:00', end: '2024-06-10T10:00:00+07:00' },
  ],
  tables: [{ id: 'T1', interpreter: true }],
  companies: [
    { id: 'kr', side: 'KR' },
    { id: 'vn1', side: 'VN' },
    { id: 'vn2', side: 'VN' },
  ],
  pairs: [
    { a: 'kr', b: 'vn1', weight: 2, needsInterpreter: true },
    { a: 'kr', b: 'vn2', weight: 1 },
  ],
};

function run(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('npm run match', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fm-match-'));

  it('writes a valid schedule and prints the figures', () => {
    const input = join(dir, 'ok.json');
    const output = join(dir, 'ok-schedule.json');
    writeFileSync(input, JSON.stringify(instance));
    const result = run(['--in', input, '--out', output, '--seed', '3', '--time-limit-ms', '5000']);
    expect(result.status).toBe(0);
    const schedule = JSON.parse(readFileSync(output, 'utf8'));
    expect(schedule).toMatchObject({ format: 'forum-matcher/v1', objective: 3 });
    expect(checkSchedule(instance, schedule)).toEqual([]);
    expect(result.stderr).toMatch(/upper bound\s+3/);
    expect(result.stderr).toMatch(/holes\s+0/);
  });

  it('with --minimize breaks, takes the breaks to the proven optimum with the exact finisher, and exits (Z3 threads stopped)', () => {
    // A real forum (JAIR 2022 forum-13, optimum 0 breaks) with a short search, so the finisher has work.
    const input = join(__dirname, '../../../bench/instances/b2b-jair/forum-13.json');
    const output = join(dir, 'forum-13-schedule.json');
    const result = run(['--in', input, '--out', output, '--minimize', 'breaks', '--iterations', '20000', '--time-limit-ms', '60000']);
    expect(result.status).toBe(0);
    const forum = JSON.parse(readFileSync(input, 'utf8')) as Instance;
    const schedule = JSON.parse(readFileSync(output, 'utf8'));
    expect(checkSchedule(forum, schedule)).toEqual([]);
    expect(schedule.meetings).toHaveLength(forum.pairs.length);
    expect(result.stderr).toMatch(/exact breaks/);
    expect(result.stderr).toMatch(/breaks\s+0 \(proven optimal\)/);
  }, 90_000);

  it('rejects an invalid instance with exit code 2, naming the entries, and writes nothing', () => {
    const input = join(dir, 'bad.json');
    const output = join(dir, 'bad-schedule.json');
    writeFileSync(input, JSON.stringify({ ...instance, pairs: [{ a: 'kr', b: 'nobody', weight: 1 }, { a: 'vn1', b: 'vn2', weight: 1 }] }));
    const result = run(['--in', input, '--out', output]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/pairs\[0\]\.b: unknown company "nobody"/);
    expect(result.stderr).toMatch(/pairs\[1\]: both companies are on side "VN"/);
    expect(existsSync(output)).toBe(false);
  });

  it('answers bad arguments and unreadable files with exit code 2', () => {
    expect(run(['--in', join(dir, 'missing.json'), '--out', join(dir, 'x.json')]).status).toBe(2);
    expect(run(['--seed', 'abc', '--in', 'a', '--out', 'b']).status).toBe(2);
    expect(run([]).stderr).toMatch(/Usage: npm run match/);
  });
});
