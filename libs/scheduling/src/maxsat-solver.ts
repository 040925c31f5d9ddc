import { Worker } from 'node:worker_threads';
import type { MaxSatOptions, MaxSatResult, MaxSatSolver } from '@forum/matcher';

/**
 * How Z3 is asked, each in a thread of its own, side by side; the first proof
 * wins and the other is stopped. Z3's time to a proof on the same model varies
 * a lot with how it is asked. Warm: the known schedule as initial values, no
 * bound (forum-14 of the JAIR set in 4 s). Ascending: cold, one bound at a
 * time on the violations, from the lower bound + 1 upwards, each solved to
 * optimality (a model found under a bound is optimal overall; "unsatisfiable"
 * moves the bound up, and at the known schedule's cost proves that schedule
 * optimal). Measured on the JAIR forums: tight bounds often help (at most 1:
 * ticf-13crafc in 5.5 s against 26 s unbounded; tic-13crafc refuted in 1 s),
 * but luck weighs as much (forum-13crafc at most 1 once took 4.4 s, and found
 * nothing in 20 s with three other random seeds), hence two attempts.
 */
const PORTFOLIO: Attempt[] = ['warm', 'ascending'];

type Attempt = 'warm' | 'ascending';

/**
 * Z3's Optimize (the official WASM build, the `z3-solver` package) as the
 * matcher's MaxSAT solver. Each attempt runs in a worker thread of its own,
 * terminated afterwards: Z3's own threads would otherwise keep the process
 * alive, and a crash inside WASM stays in that thread (the attempt then
 * answers UNKNOWN and the caller keeps its schedule). About 0.5 s of
 * start-up per attempt.
 */
export function loadMaxSatSolver(portfolio = PORTFOLIO): MaxSatSolver {
  const z3Path = require.resolve('z3-solver');
  return {
    minimize: (smt2: string, options: MaxSatOptions) =>
      new Promise<MaxSatResult>((resolve) => {
        const unknown: MaxSatResult = { status: 'UNKNOWN', trueVariables: [] };
        const workers: Worker[] = [];
        let pending = portfolio.length;
        let answered = false;
        const answer = (result: MaxSatResult) => {
          if (answered) return;
          answered = true;
          clearTimeout(guard);
          for (const worker of workers) void worker.terminate();
          resolve(result);
        };
        // Z3 stops itself at the time limit; this is for a thread that does not.
        const guard = setTimeout(() => answer(unknown), options.timeLimitMs + 5_000);
        for (const attempt of portfolio) {
          const worker = new Worker(THREAD, {
            eval: true,
            workerData: {
              z3Path,
              smt2,
              timeLimitMs: options.timeLimitMs,
              initial: attempt === 'warm' ? [...options.initial] : [],
              // Bounds tried in turn: lowerBound + 1 … initialCost − 1 (at least the last).
              bounds: attempt === 'ascending' ? range(Math.min(options.lowerBound + 1, options.initialCost - 1), options.initialCost - 1) : [],
              soft: attempt === 'ascending' ? softNames(smt2) : [],
            },
          });
          workers.push(worker);
          let done = false;
          const failed = () => {
            if (done) return;
            done = true;
            if (--pending === 0) answer(unknown);
          };
          worker.on('message', (message: MaxSatResult | { error: string }) => {
            if ('error' in message || message.status === 'UNKNOWN') return failed();
            done = true;
            answer(message);
          });
          worker.on('error', failed);
          worker.on('exit', failed);
        }
      }),
  };
}

/** The variables of the soft assertions, each `(assert-soft (not name) …)`. */
function softNames(smt2: string): string[] {
  return [...smt2.matchAll(/\(assert-soft \(not ([A-Za-z0-9_]+)\)/g)].map((match) => match[1]);
}

function range(from: number, to: number): number[] {
  return from < 0 || to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { init } = require(workerData.z3Path);
  const { Context } = await init();
  const started = Date.now();
  const optimum = async (text, timeLimitMs, initial) => {
    const Z3 = Context('main');
    const optimize = new Z3.Optimize();
    optimize.set('timeout', Math.max(1, Math.round(timeLimitMs)));
    optimize.fromString(text);
    for (const [name, value] of initial) optimize.setInitialValue(Z3.Bool.const(name), Z3.Bool.val(value));
    const outcome = await optimize.check();
    const trueVariables = [];
    if (outcome === 'sat') {
      const model = optimize.model().sexpr();
      const definition = /\\(define-fun ([A-Za-z0-9_]+) \\(\\) Bool\\s+true\\)/g;
      for (let match; (match = definition.exec(model)); ) trueVariables.push(match[1]);
    }
    optimize.release();
    return { outcome, trueVariables };
  };
  if (workerData.bounds.length === 0) {
    const { outcome, trueVariables } = await optimum(workerData.smt2, workerData.timeLimitMs, workerData.initial);
    parentPort.postMessage({ status: outcome === 'sat' ? 'OPTIMAL' : 'UNKNOWN', trueVariables });
    return;
  }
  const { bounds, soft } = workerData;
  let last = 'unknown';
  for (let i = 0; i < bounds.length; i++) {
    const left = workerData.timeLimitMs - (Date.now() - started);
    if (left <= 0) break;
    const bounded = workerData.smt2 + '\\n(assert ((_ at-most ' + bounds[i] + ') ' + soft.join(' ') + '))';
    const { outcome, trueVariables } = await optimum(bounded, left / (bounds.length - i), []);
    if (outcome === 'sat') return parentPort.postMessage({ status: 'OPTIMAL', trueVariables });
    last = outcome;
  }
  // Unsatisfiable below the known cost: the known solution is optimal.
  parentPort.postMessage({ status: last === 'unsat' ? 'INFEASIBLE' : 'UNKNOWN', trueVariables: [] });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;
