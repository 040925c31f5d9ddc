import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MaxSatOptions, MaxSatResult, MaxSatSolver } from '@forum/matcher';
import { CnfModel, smt2ToCnf } from './pb-cnf';

/**
 * How the model is solved, each attempt in a thread of its own, side by
 * side; the first proof wins and the other is stopped. The time to a proof
 * varies a lot with the solver and how it is asked, so two different ones:
 * - `warm`: Z3's Optimize with its RC2 MaxSAT engine, the known schedule as
 *   initial values, no bound;
 * - `sat`: CaDiCaL (cadical-wasm) on the model in CNF (pb-cnf.ts), asked
 *   bound after bound from the lower bound up, keeping what it learnt; the
 *   first satisfiable bound is the optimum, and "unsatisfiable" up to the
 *   known cost proves the known schedule optimal;
 * - `ascending` (not in the default pair): Z3 cold, one bound at a time.
 * Measured on the eight JAIR forums that need a finisher (2 cores, one run,
 * after the same annealing): this pair proved all eight within 22 s, the
 * hardest four in 8.6–21.9 s; Z3 warm (default engine) with Z3 ascending,
 * the pair before, proved six within 40 s, the hardest four in 15.6 s,
 * 19.7 s, 22.9 s and not at all. CaDiCaL refutes the lower bounds of
 * tic-13crafc in 4.9 s where Z3 found nothing in 40 s; RC2 proves
 * forum-13crafc and ticf-13crafc where Z3's default engine and CaDiCaL do
 * not within 40 s.
 */
const PORTFOLIO: Attempt[] = ['warm', 'sat'];

export type Attempt = 'warm' | 'ascending' | 'sat';

/**
 * Z3's Optimize (the official WASM build, the `z3-solver` package) and
 * CaDiCaL (`cadical-wasm`) as the matcher's MaxSAT solver. Each attempt runs
 * in a worker thread of its own, terminated afterwards: Z3's own threads
 * would otherwise keep the process alive, and a crash inside WASM stays in
 * that thread (the attempt then answers UNKNOWN and the caller keeps its
 * schedule). About 0.3–0.5 s of start-up per attempt; the CNF is written on
 * the calling thread (0.2–0.3 s for JAIR forum-14's model, 82,000 variables).
 */
export function loadMaxSatSolver(portfolio = PORTFOLIO): MaxSatSolver {
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
          const started = start(attempt, smt2, options);
          if (!started) {
            if (--pending === 0) answer(unknown);
            continue;
          }
          const { worker, names } = started;
          workers.push(worker);
          let done = false;
          const failed = () => {
            if (done) return;
            done = true;
            if (--pending === 0) answer(unknown);
          };
          worker.on('message', (message: (MaxSatResult & { trueIndices?: number[] }) | { error: string }) => {
            if ('error' in message || message.status === 'UNKNOWN') return failed();
            done = true;
            const trueVariables = names ? (message.trueIndices ?? []).flatMap((v) => names[v] ?? []) : message.trueVariables;
            answer({ status: message.status, trueVariables });
          });
          worker.on('error', failed);
          worker.on('exit', failed);
        }
      }),
  };
}

/**
 * One attempt's thread, and for the SAT attempt the names of the CNF's
 * variables by number; undefined when the model cannot be put in CNF (the
 * attempt then fails, the others go on).
 */
function start(attempt: Attempt, smt2: string, options: MaxSatOptions): { worker: Worker; names?: string[] } | undefined {
  if (attempt === 'sat') {
    let cnf: CnfModel;
    try {
      cnf = smt2ToCnf(smt2, options.initialCost);
    } catch {
      return undefined;
    }
    // cadical-wasm is an ES module whose package exports only its entry and its .wasm file; the entry lies beside it.
    const cadicalUrl = pathToFileURL(join(dirname(require.resolve('cadical-wasm/cadical.wasm')), 'index.js')).href;
    const names: string[] = [];
    for (const [name, v] of cnf.variables) names[v] = name;
    const bounds = range(options.lowerBound, options.initialCost - 1);
    return { worker: new Worker(SAT_THREAD, { eval: true, workerData: { cadicalUrl, clauses: cnf.clauses, violations: cnf.violations, bounds, timeLimitMs: options.timeLimitMs } }), names };
  }
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: {
      z3Path: require.resolve('z3-solver'),
      smt2,
      timeLimitMs: options.timeLimitMs,
      initial: attempt === 'warm' ? [...options.initial] : [],
      engine: attempt === 'warm' ? 'rc2' : undefined,
      // Bounds tried in turn: lowerBound + 1 … initialCost − 1 (at least the last); Z3 minimises within each.
      bounds: attempt === 'ascending' ? range(Math.min(options.lowerBound + 1, options.initialCost - 1), options.initialCost - 1) : [],
      soft: attempt === 'ascending' ? softNames(smt2) : [],
    },
  });
  return { worker };
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
    if (workerData.engine) optimize.set('maxsat_engine', workerData.engine);
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

/**
 * CaDiCaL on the CNF: bound after bound from the lower bound up, each asked
 * by assuming "not that many violated"; the first satisfiable bound is the
 * optimum. What is learnt under one bound helps the next.
 */
const SAT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const started = Date.now();
  const { Cadical } = await import(workerData.cadicalUrl);
  const solver = await Cadical.create({ quiet: true });
  const { clauses, violations, bounds, timeLimitMs } = workerData;
  let start = 0;
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i] !== 0) continue;
    solver.addClause(clauses.subarray(start, i));
    start = i + 1;
  }
  solver.setTerminate(() => Date.now() - started > timeLimitMs);
  let last = 'unknown';
  for (const bound of bounds) {
    last = solver.solve({ assumptions: bound < violations.length ? [-violations[bound]] : [] });
    if (last === 'satisfiable') {
      const model = solver.model();
      const trueIndices = [];
      for (let v = 1; v < model.length; v++) if (model[v]) trueIndices.push(v);
      return parentPort.postMessage({ status: 'OPTIMAL', trueVariables: [], trueIndices });
    }
    if (last !== 'unsatisfiable') break;
  }
  // Unsatisfiable below the known cost: the known solution is optimal.
  parentPort.postMessage({ status: last === 'unsatisfiable' ? 'INFEASIBLE' : 'UNKNOWN', trueVariables: [] });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;
