import { companiesThatMustBreak, daysOf } from './breaks';
import { ArrayModel, MipSolver } from './exact';
import { Problem } from './problem';

/**
 * How the relaxation counts a company's breaks: `runs`, its runs of busy
 * slots day by day less one per day it is busy; `intervals`, none when its
 * busy slots are one run a day (a choice among the runs it could take), else
 * one. Each is faster where the other is slow (HiGHS, JAIR 2022, same
 * machine): tic-13crafc proves 4 in 0.3 s by runs, 3.0 s by intervals;
 * forumt-14crafe 5 in 2.1 s by runs, 0.6 s by intervals.
 */
export type BreaksFormulation = 'runs' | 'intervals';

export interface BreaksRelaxation {
  /** No schedule of these meetings has fewer breaks (0 when nothing was proven). */
  bound: number;
  /** The relaxation was solved to its optimum (else `bound` is what its search had proven when the time ran out). */
  solved: boolean;
}

/**
 * Meetings below this share of the tables' slots leave the relaxation's
 * slot rows slack: it then proves no more than companies alone. Measured
 * on JAIR 2022: at 0.52–0.62 (forum-13, forum-13crafc, forum-14 and their
 * ticf twins) it proved nothing more and took 1–5 s; at 0.74–0.98 it solved
 * in 0.1–0.4 s and proved the optimum of tic-13crafc and forumt-14crafe.
 */
export const BREAKS_RELAXATION_MIN_LOAD = 0.7;

/** The runs formulation's time, then the intervals' (seconds): a bound that takes longer is left to the exact finisher. */
const RUNS_SECONDS = 0.4;
const INTERVALS_SECONDS = 0.6;

/**
 * Our lower bound on the breaks of any schedule of these meetings: the
 * companies that cannot meet back to back even alone, raised by the
 * relaxation below where tables are nearly all taken and a MIP solver is
 * at hand — solved by runs; where that takes too long, one more break is
 * proven if the intervals formulation finds no relaxed schedule at the bound.
 * Either step is cut off after a fraction of a second, so the bound can be
 * weaker on a slower machine, never wrong.
 */
export function breaksBound(problem: Problem, pairs: readonly number[], mip?: MipSolver): number {
  const mustBreak = companiesThatMustBreak(problem, pairs);
  let bound = mustBreak.size;
  if (!mip?.solveArrays || pairs.length < BREAKS_RELAXATION_MIN_LOAD * problem.tableCount * problem.slotCount) return bound;
  const runs = breaksRelaxationBound(problem, pairs, mustBreak, mip, { formulation: 'runs', timeLimitSeconds: RUNS_SECONDS });
  bound = Math.max(bound, runs.bound);
  if (runs.solved) return bound;
  const intervals = breaksRelaxationBound(problem, pairs, mustBreak, mip, { formulation: 'intervals', timeLimitSeconds: INTERVALS_SECONDS, atMost: bound });
  return Math.max(bound, intervals.bound);
}

/**
 * A lower bound on the breaks of any schedule of these meetings, from a
 * relaxation that forgets who meets whom: each company only chooses the slots
 * it is busy in (as many as its meetings, only where one of them can be), and
 * every slot holds an even number of busy companies, at most two per table.
 * Companies that cannot meet back to back even alone (`mustBreak`, see
 * breaksLowerBound) take at least one break. Where tables are nearly all
 * taken this is much stronger than companies alone: JAIR tic-13crafc 4 (the
 * optimum) where companies alone prove 0, forumt-14crafe 5 against 4.
 * Solved by the MIP solver within `timeLimitSeconds`; when the time runs out
 * its proven dual bound still counts.
 */
export function breaksRelaxationBound(
  problem: Problem,
  pairs: readonly number[],
  mustBreak: ReadonlySet<number>,
  mip: MipSolver,
  options: {
    formulation: BreaksFormulation;
    timeLimitSeconds: number;
    /** Only ask whether a relaxed schedule has at most this many breaks (stopping at the first found): none proves one more. */
    atMost?: number;
  },
): BreaksRelaxation {
  const { formulation, timeLimitSeconds, atMost } = options;
  if (!mip.solveArrays) return { bound: 0, solved: false };
  const S = problem.slotCount;
  const C = problem.companyCount;
  const meetings = new Int32Array(C);
  // partners[c * S + s]: the companies c can meet in slot s (a company twice where two meetings join them).
  const partners: number[][] = Array.from({ length: C * S }, () => []);
  for (const p of pairs) {
    const { a, b, slots } = problem.pairs[p];
    meetings[a]++;
    meetings[b]++;
    for (const s of slots) {
      partners[a * S + s].push(b);
      partners[b * S + s].push(a);
    }
  }

  const model = new ModelBuilder();
  // busy[c * S + s]: the column of "c is busy in s"; -1 where c cannot be.
  const busy = new Int32Array(C * S).fill(-1);
  for (let c = 0; c < C; c++) {
    if (meetings[c] === 0) continue;
    for (let s = 0; s < S; s++) if (partners[c * S + s].length > 0) busy[c * S + s] = model.column(0, 1, true);
  }
  const days = daysOf(problem);
  for (let c = 0; c < C; c++) {
    if (meetings[c] === 0) continue;
    const own: number[] = [];
    for (let s = 0; s < S; s++) if (busy[c * S + s] !== -1) own.push(busy[c * S + s]);
    model.row(own, ones(own), meetings[c], meetings[c]);
    const busyOf = (s: number) => busy[c * S + s];
    if (formulation === 'intervals') countIntervals(model, days, busyOf, meetings[c], mustBreak.has(c));
    else {
      countRuns(model, days, busyOf, mustBreak.has(c));
      // Busy only where a partner can be busy too (helps this formulation; slows the other down).
      for (let s = 0; s < S; s++) {
        const now = busy[c * S + s];
        if (now === -1) continue;
        const others = [...new Set(partners[c * S + s])].map((q) => busy[q * S + s]);
        model.row([now, ...others], [1, ...others.map(() => -1)], -Infinity, 0);
      }
    }
  }
  // Each slot: an even number of busy companies, two per meeting, at most one meeting per table.
  for (let s = 0; s < S; s++) {
    const inSlot: number[] = [];
    for (let c = 0; c < C; c++) if (busy[c * S + s] !== -1) inSlot.push(busy[c * S + s]);
    if (inSlot.length === 0) continue;
    const meetingsInSlot = model.column(0, problem.tableCount, true);
    model.row([...inSlot, meetingsInSlot], [...ones(inSlot), -2], 0, 0);
  }

  if (atMost !== undefined) model.row(model.breakColumns(), model.breakCoefficients(), -Infinity, atMost);
  const found = mip.solveArrays(model.build(), {
    time_limit: Math.max(0.05, timeLimitSeconds),
    presolve: 'on',
    ...(atMost !== undefined ? { mip_max_improving_sols: 1 } : {}),
  });
  if (atMost !== undefined) return { bound: found.status === 'Infeasible' ? atMost + 1 : 0, solved: found.status !== 'Time limit reached' };
  // The model maximises the negated breaks: its dual bound is an upper bound on −breaks.
  const proven = found.dualBound ?? (found.status === 'Optimal' ? found.objective : Number.NaN);
  return { bound: Number.isFinite(proven) ? Math.max(0, Math.ceil(-proven - 1e-6)) : 0, solved: found.status === 'Optimal' };
}

const ones = (terms: readonly number[]) => terms.map(() => 1);

/** Breaks = Σ runs started − Σ days busy; a run starts in s when the company is busy in s and not in s − 1. */
function countRuns(model: ModelBuilder, days: number[][], busyOf: (s: number) => number, mustBreak: boolean): void {
  const terms: number[] = [];
  const coefficients: number[] = [];
  for (const day of days) {
    const dayBusy: number[] = [];
    day.forEach((s, i) => {
      const now = busyOf(s);
      if (now === -1) return;
      dayBusy.push(now);
      const before = i > 0 ? busyOf(s - 1) : -1;
      const starts = model.column(1, 1, false);
      terms.push(starts);
      coefficients.push(1);
      // starts ≥ busy(s) − busy(s − 1)
      if (before === -1) model.row([starts, now], [1, -1], 0, Infinity);
      else model.row([starts, now, before], [1, -1, 1], 0, Infinity);
    });
    if (dayBusy.length === 0) continue;
    // The day counts only when the company is busy in it: day ≤ Σ busy that day.
    const busyThatDay = model.column(-1, 1, false);
    model.row([busyThatDay, ...dayBusy], [1, ...dayBusy.map(() => -1)], -Infinity, 0);
    terms.push(busyThatDay);
    coefficients.push(-1);
  }
  if (mustBreak) model.row(terms, coefficients, 1, Infinity);
}

/**
 * One break unless the busy slots are exactly one run a day: a binary per run the company could take (within a
 * day, every slot usable, no longer than its meetings), at most one a day; busy = covered by the runs taken, give
 * or take where it has a break.
 */
function countIntervals(model: ModelBuilder, days: number[][], busyOf: (s: number) => number, meetings: number, mustBreak: boolean): void {
  const broken = model.column(1, 1, true);
  if (mustBreak) {
    model.row([broken], [1], 1, 1);
    return;
  }
  const covering = new Map<number, number[]>();
  for (const day of days) {
    const runs: number[] = [];
    for (let i = 0; i < day.length; i++) {
      for (let j = i; j < day.length && j - i < meetings && busyOf(day[j]) !== -1; j++) {
        const run = model.column(0, 1, true);
        runs.push(run);
        for (let k = i; k <= j; k++) {
          const runs = covering.get(day[k]);
          if (runs) runs.push(run);
          else covering.set(day[k], [run]);
        }
      }
    }
    if (runs.length > 0) model.row(runs, ones(runs), -Infinity, 1);
  }
  for (const day of days) {
    for (const s of day) {
      const now = busyOf(s);
      if (now === -1) continue;
      const runs = covering.get(s) ?? [];
      // covered ≤ busy ≤ covered + broken
      model.row([now, ...runs], [1, ...runs.map(() => -1)], 0, Infinity);
      model.row([now, ...runs, broken], [1, ...runs.map(() => -1), -1], -Infinity, 0);
    }
  }
}

/** The relaxation's columns and rows, appended one by one; the model maximises the negated breaks. */
class ModelBuilder {
  private readonly weights: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly starts: number[] = [0];
  private readonly columns: number[] = [];
  private readonly values: number[] = [];
  private readonly lower: number[] = [];
  private readonly rowUpper: number[] = [];

  /** A new column in [0, upper]; `breaks` is what one unit of it adds to the breaks. */
  column(breaks: number, upper: number, integer: boolean): number {
    this.weights.push(-breaks);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.weights.length - 1;
  }

  row(columns: number[], values: number[], lower: number, upper: number): void {
    for (let i = 0; i < columns.length; i++) {
      this.columns.push(columns[i]);
      this.values.push(values[i]);
    }
    this.starts.push(this.columns.length);
    this.lower.push(lower);
    this.rowUpper.push(upper);
  }

  /** The columns that count breaks, and what each adds. */
  breakColumns(): number[] {
    return this.weights.flatMap((weight, j) => (weight !== 0 ? [j] : []));
  }

  breakCoefficients(): number[] {
    return this.weights.flatMap((weight) => (weight !== 0 ? [-weight] : []));
  }

  build(): ArrayModel {
    return {
      weights: Float64Array.from(this.weights),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      rowStarts: Int32Array.from(this.starts),
      rowColumns: Int32Array.from(this.columns),
      rowValues: Float64Array.from(this.values),
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.rowUpper),
    };
  }
}
