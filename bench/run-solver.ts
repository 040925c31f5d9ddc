/**
 * One solver on one instance, in its own process so that time and peak memory
 * are its own: `node dist/bench/run-solver.js <ours|greedy|mip> <instance.json> [minimize] [timeLimitMs]`.
 * Prints one JSON line of figures.
 */
import { readFileSync } from 'node:fs';
import { checkSchedule, greedySchedule, Instance, measureSchedule, Schedule, solve } from '@forum/matcher';
import { loadMipSolver } from '../libs/scheduling/src/mip-solver';
import { solveMip } from './mip';

export interface SolverFigures {
  meetings: number;
  weight: number;
  upperBound?: number;
  holes: number;
  breaks: number;
  seconds: number;
  peakMemoryMb: number;
  violations: number;
  status?: string;
}

async function main() {
  const [solver, file, minimize = 'holes', timeLimit = '120000'] = process.argv.slice(2);
  const instance = JSON.parse(readFileSync(file, 'utf8')) as Instance;
  // HiGHS is loaded before the clock starts (a process loads it once; the API's runs and the CLI do the same).
  const mip = solver === 'ours' ? await loadMipSolver() : undefined;
  const started = process.hrtime.bigint();
  let schedule: Schedule;
  let upperBound: number | undefined;
  let status: string | undefined;
  if (solver === 'ours') {
    const result = solve(instance, { seed: 1, minimize: minimize as 'holes' | 'breaks', timeLimitMs: Number(timeLimit), mip });
    schedule = result.schedule;
    upperBound = result.stats.upperBound;
    status = result.stats.optimal ? 'optimal' : result.stats.exact === 'FEASIBLE' ? 'exact stage stopped at the time limit' : undefined;
  } else if (solver === 'greedy') {
    schedule = greedySchedule(instance);
  } else if (solver === 'mip') {
    const result = await solveMip(instance, Number(timeLimit) / 1000);
    schedule = result.schedule;
    upperBound = result.bound;
    status = result.status;
  } else {
    throw new Error(`unknown solver ${solver}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const measures = measureSchedule(instance, schedule);
  const figures: SolverFigures = {
    meetings: measures.meetings,
    weight: measures.weight,
    upperBound,
    holes: measures.holes,
    breaks: measures.breaks,
    seconds,
    peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024),
    violations: checkSchedule(instance, schedule).length,
    status,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
