/**
 * npm run match -- --in instance.json --out schedule.json [--time-limit-ms N] [--seed N] [--minimize holes|breaks]
 *
 * Reads a forum-matcher/v1 instance, writes its schedule, prints the figures
 * to stderr. An invalid instance is reported entry by entry, exit code 2, and
 * nothing is written. With --minimize breaks, an exact finisher (Z3 and CaDiCaL)
 * then re-times the meetings for the fewest breaks when the heuristic's are
 * above the lower bound, within what is left of the time limit (60 s by default).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkSchedule, finishBreaks, Instance, InstanceError, solve, SolveOptions, SolveResult } from '@forum/matcher';
import { loadMaxSatSolver, loadMipSolver } from '@forum/scheduling';

const USAGE =
  'Usage: npm run match -- --in instance.json --out schedule.json [--time-limit-ms N] [--seed N] [--minimize holes|breaks]';

class UsageError extends Error {}

function parseArguments(argv: string[]) {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!['--in', '--out', '--time-limit-ms', '--seed', '--minimize', '--iterations'].includes(flag)) {
      throw new UsageError(`Unknown argument ${JSON.stringify(flag)}`);
    }
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const whole = (flag: string) => {
    const value = values.get(flag);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number (got ${JSON.stringify(value)})`);
    return Number(value);
  };
  const input = values.get('--in');
  const output = values.get('--out');
  if (!input || !output) throw new UsageError('--in and --out are required');
  const minimize = values.get('--minimize') ?? 'holes';
  if (minimize !== 'holes' && minimize !== 'breaks') throw new UsageError('--minimize must be holes or breaks');
  const options: SolveOptions = {
    seed: whole('--seed'),
    timeLimitMs: whole('--time-limit-ms'),
    iterations: whole('--iterations'),
    minimize,
  };
  return { input, output, options };
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let instance: unknown;
  try {
    instance = JSON.parse(readFileSync(parsed.input, 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read ${parsed.input}: ${(error as Error).message}\n`);
    return 2;
  }
  let lastPhase = '';
  const started = Date.now();
  try {
    let result: SolveResult = solve(instance, {
      ...parsed.options,
      // Exact where the forum is small enough (HiGHS).
      mip: await loadMipSolver(),
      onProgress: ({ phase, percent }) => {
        if (phase !== lastPhase) {
          lastPhase = phase;
          process.stderr.write(`${String(Math.round(percent)).padStart(3)}% ${phase}\n`);
        }
      },
    });
    let breaksStatus = '';
    if (parsed.options.minimize === 'breaks') {
      const timeLimitMs = Math.max(1000, (parsed.options.timeLimitMs ?? 60_000) - (Date.now() - started));
      process.stderr.write(`    exact breaks (up to ${(timeLimitMs / 1000).toFixed(0)} s)\n`);
      const finished = await finishBreaks(instance as Instance, result, loadMaxSatSolver(), { timeLimitMs });
      result = finished;
      const { breaksStatus: status, breaksLowerBound } = finished.finish;
      breaksStatus = status === 'UNPROVEN' ? ` (lower bound ${breaksLowerBound})` : status === 'OPTIMAL' ? ' (proven optimal)' : ' (optimal: at the lower bound)';
    }
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    const violations = checkSchedule(instance as never, result.schedule);
    if (violations.length) {
      // Never expected: the optimiser keeps every rule. Refuse to write a broken schedule.
      process.stderr.write(`internal error, the schedule breaks the rules:\n${violations.slice(0, 20).join('\n')}\n`);
      return 1;
    }
    writeFileSync(parsed.output, `${JSON.stringify(result.schedule, null, 2)}\n`);
    const { stats } = result;
    const rows: [string, string | number][] = [
      ['meetings', stats.meetings],
      ['pairs scheduled', `${stats.pairsScheduled} of ${stats.pairsTotal}`],
      ['weight', stats.weight],
      ['upper bound', stats.upperBound],
      ['gap', `${(stats.gap * 100).toFixed(3)} %${stats.optimal ? ' (optimal)' : ''}`],
      ['holes', stats.holes],
      ['breaks', `${stats.breaks}${breaksStatus}`],
      ['seconds', ((Date.now() - started) / 1000).toFixed(2)],
    ];
    process.stderr.write(rows.map(([k, v]) => `${k.padEnd(16)} ${v}`).join('\n') + '\n');
    return 0;
  } catch (error) {
    if (error instanceof InstanceError) {
      process.stderr.write(`Invalid instance ${parsed.input}:\n${error.issues.map((issue) => `  ${issue}`).join('\n')}\n`);
      return 2;
    }
    throw error;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
