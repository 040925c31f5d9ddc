/**
 * One solver on one instance, in its own process so that time and peak memory
 * are its own: `node dist/bench/run-solver.js <ours|greedy|mip> <instance.json> [minimize] [timeLimitMs]`.
 * Prints one JSON line of figures.
 */
import { readFileSync } from 'node:fs';
import { checkSchedule, finishBreaks, greedySchedule, Instance, measureSchedule, Schedule, solve } from '@forum/matcher';
import { loadMaxSatSolver } from '../libs/scheduling/src/maxsat-solver';
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
  breaksLowerBound?: number;
  /** Ours: seconds until the weight was final and proven optimal (before hole removal); absent when not proven. */
  weightSeconds?: number;
}

async function main() {
  const [solver, file, minimize = 'holes', timeLimit = '120000'] = process.argv.slice(2);
  const instance = JSON.parse(readFileSync(file, 'utf8')) as Instance;
  // Stages of ours, for the table of what each adds: 'ours:place' (no exact stage, no hole removal),
  // 'ours:exact' (and the exact stage), 'ours:improve' (and hole removal), 'ours' (and the breaks finisher).
  const [name, stage = 'all'] = solver.split(':');
  // HiGHS is loaded before the clock starts (a process loads it once; the API's runs and the CLI do the same).
  const mip = name === 'ours' && stage !== 'place' ? await loadMipSolver() : undefined;
  const started = process.hrtime.bigint();
  let schedule: Schedule;
  let upperBound: number | undefined;
  let status: string | undefined;
  let breaksLowerBound: number | undefined;
  let weightSeconds: number | undefined;
  if (name === 'ours') {
    const iterations = stage === 'place' || stage === 'exact' ? 1 : undefined;
    const result = solve(instance, { seed: 1, minimize: minimize as 'holes' | 'breaks', timeLimitMs: Number(timeLimit), mip, iterations });
    schedule = result.schedule;
    upperBound = result.stats.upperBound;
    // Everything before hole removal: the bound, the placement and the exact stage.
    if (result.stats.optimal) weightSeconds = result.stats.seconds.total - result.stats.seconds.improve;
    status = result.stats.optimal ? 'optimal' : result.stats.exact === 'FEASIBLE' ? 'exact stage stopped at the time limit' : undefined;
    if (minimize === 'breaks' && stage === 'all') {
      // As `npm run match -- --minimize breaks` does: the exact finisher in what is left of the time.
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      const finished = await finishBreaks(instance, result, loadMaxSatSolver(), { timeLimitMs: Math.max(1000, Number(timeLimit) - elapsedMs) });
      schedule = finished.schedule;
      status = finished.finish.breaksStatus;
      breaksLowerBound = finished.finish.breaksLowerBound;
    }
  } else if (solver === 'greedy') {
    schedule = greedySchedule(instance);
  } else if (name === 'mip') {
    // 'mip:nopresolve': HiGHS without its presolve, as our exact stage runs it.
    const result = await solveMip(instance, Number(timeLimit) / 1000, stage === 'nopresolve' ? { presolve: 'off' } : {});
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
    breaksLowerBound,
    weightSeconds,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
