import { Worker } from 'node:worker_threads';
import type { MaxSatOptions, MaxSatResult, MaxSatSolver } from '@forum/matcher';

/**
 * How Z3 is asked, each in a thread of its own, side by side; the first proof
 * wins and the other is stopped. Z3's time to a proof on the same model varies
 * a lot with where it starts: on the JAIR forums the warm start (the known
 * schedule as initial values) proved forum-14 in 4 s where the cold, bounded
 * search took 17 s, and the cold, bounded one (only solutions with fewer
 * violations than the known one) proved forum-13crafc in 25 s where the warm
 * one had nothing after 40 s.
 */
const PORTFOLIO = [
  { warm: true, bounded: false },
  { warm: false, bounded: true },
];

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
        for (const { warm, bounded } of portfolio) {
          const worker = new Worker(THREAD, {
            eval: true,
            workerData: {
              z3Path,
              smt2: bounded ? `${smt2}\n${fewerViolations(smt2, options.initialCost)}` : smt2,
              timeLimitMs: options.timeLimitMs,
              initial: warm ? [...options.initial] : [],
              bounded,
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

/** A hard constraint: fewer soft assertions violated than `cost` (each soft assertion is `(assert-soft (not name) …)`). */
function fewerViolations(smt2: string, cost: number): string {
  const names = [...smt2.matchAll(/\(assert-soft \(not ([A-Za-z0-9_]+)\)/g)].map((match) => match[1]);
  if (cost <= 0) return '(assert false)';
  return names.length > 0 ? `(assert ((_ at-most ${cost - 1}) ${names.join(' ')}))` : '';
}

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { init } = require(workerData.z3Path);
  const { Context } = await init();
  const Z3 = Context('main');
  const optimize = new Z3.Optimize();
  optimize.set('timeout', Math.max(1, Math.round(workerData.timeLimitMs)));
  optimize.fromString(workerData.smt2);
  for (const [name, value] of workerData.initial) optimize.setInitialValue(Z3.Bool.const(name), Z3.Bool.val(value));
  const outcome = await optimize.check();
  const trueVariables = [];
  if (outcome === 'sat') {
    const text = optimize.model().sexpr();
    const definition = /\\(define-fun ([A-Za-z0-9_]+) \\(\\) Bool\\s+true\\)/g;
    for (let match; (match = definition.exec(text)); ) trueVariables.push(match[1]);
  }
  // Unsatisfiable is a proof only where the bound was the only thing added.
  const status = outcome === 'sat' ? 'OPTIMAL' : outcome === 'unsat' && workerData.bounded ? 'INFEASIBLE' : 'UNKNOWN';
  parentPort.postMessage({ status, trueVariables });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;
