import { MATCHER_FORMAT, Schedule } from './format';
import { parseInstance } from './parse-instance';
import { Rng } from './rng';
import { construct, fill, improve, ImproveOptions, upgrade } from './search';
import { selectPairs } from './selection';
import { ExactPlacement, MipSolver, modelSize, solveExact, WINDOW_MAX_VARIABLES, WINDOWS_ABOVE_VARIABLES } from './exact';
import { assignTables } from './tables';
import { breaksLowerBound } from './breaks';
import { breaksBound } from './breaks-bound';
import type { Problem } from './problem';
import { GapObjective, Timetable } from './timetable';

export type SolvePhase = 'validate' | 'bound' | 'place' | 'exact' | 'improve' | 'finish';

export interface SolveProgress {
  phase: SolvePhase;
  /** 0–100 over the whole run. */
  percent: number;
}

export interface SolveOptions {
  seed?: number;
  /** Stop improving after this long (a safety cap; results are reproducible when it does not bind). */
  timeLimitMs?: number;
  /** Improvement iterations; by default grows with the number of meetings. */
  iterations?: number;
  /** What to minimise among schedules of equal weight: idle slots (the format's rule) or idle runs. */
  minimize?: GapObjective;
  /** Tuning of the hole-removal search (move mix, annealing temperatures); defaults suit most forums. */
  search?: Pick<ImproveOptions, 'moveRates' | 'temperature' | 'maxChain'>;
  /**
   * A mixed-integer solver (HiGHS, loaded by the caller). With it, a forum whose
   * heuristic placement weighs less than the bound is solved exactly by the
   * time-indexed model when that model is small enough (see exact.ts): the
   * weight is then proven optimal, and the search only removes holes.
   */
  mip?: MipSolver;
  /**
   * Run the exact stage only when the heuristic placement is at least this far
   * below the bound, as a share of it (default 0.001: 0.1 %). Below that the
   * exact model rarely pays for its time (on a 500-company forum it took 10 s
   * and more to win the last 0.02–0.03 %).
   */
  exactMinGap?: number;
  /** Re-optimise windows of slots before the whole model's MIP (after its relaxation) when the model has more variables than this (default WINDOWS_ABOVE_VARIABLES, see exact.ts). */
  exactWindowsAbove?: number;
  /** Called at every phase and during the search; return false to cancel (the result is then the best so far). */
  onProgress?: (progress: SolveProgress) => boolean | void;
}

export interface SolveStats {
  meetings: number;
  weight: number;
  upperBound: number;
  /** (upperBound − weight) / upperBound; 0 is proven optimal weight. */
  gap: number;
  /** The weight is proven the best possible (it meets the bound, or the exact model proved it). */
  optimal: boolean;
  /** What the whole exact model did: not run (no solver, model too large, placement — or the windows' — within exactMinGap of the bound), OPTIMAL, FEASIBLE (time limit) or NONE (nothing found in time). */
  exact: 'NOT_RUN' | 'OPTIMAL' | 'FEASIBLE' | 'NONE';
  holes: number;
  breaks: number;
  /** Minimising breaks: no schedule of these meetings has fewer (see breaksBound). */
  breaksLowerBound?: number;
  pairsScheduled: number;
  pairsTotal: number;
  /** Meetings chosen by the selection that the timetable could not hold. */
  dropped: number;
  cancelled: boolean;
  seconds: { bound: number; place: number; exact: number; improve: number; total: number };
}

export interface SolveResult {
  schedule: Schedule;
  stats: SolveStats;
  warnings: string[];
}

/**
 * Schedules an instance: selects the pairs that should meet (max-weight
 * b-matching, which also gives the upper bound), places them in slots
 * (ejection chains), fills leftover room with other pairs, removes holes
 * (simulated annealing over Kempe chains) and assigns tables slot by slot.
 * Throws InstanceError for an invalid instance.
 */
export function solve(input: unknown, options: SolveOptions = {}): SolveResult {
  const started = Date.now();
  const deadline = started + (options.timeLimitMs ?? 60_000);
  const rng = new Rng(options.seed ?? 1);
  let cancelled = false;
  const report = (phase: SolvePhase, percent: number) => {
    if (options.onProgress?.({ phase, percent: Math.round(percent * 10) / 10 }) === false) cancelled = true;
    return !cancelled;
  };

  report('validate', 0);
  const { instance, problem } = parseInstance(input);

  report('bound', 2);
  const boundStart = Date.now();
  const selection = selectPairs(problem);
  const boundSeconds = (Date.now() - boundStart) / 1000;

  report('place', 10);
  const placeStart = Date.now();
  const timetable = new Timetable(problem, options.minimize ?? 'holes');
  const meetingOfPair = new Map<number, number>();
  for (const f of problem.fixed) {
    const m = timetable.addMeeting(f.pair, true);
    meetingOfPair.set(f.pair, m);
    timetable.place(m, f.slot);
  }
  const chosen: number[] = [];
  for (const pair of selection.chosen) {
    if (meetingOfPair.has(pair)) continue;
    const m = timetable.addMeeting(pair, false);
    meetingOfPair.set(pair, m);
    chosen.push(m);
  }
  timetable.refreshAllCosts();
  // Hardest first: fewest usable slots, then heaviest, then busiest companies.
  const degree = new Int32Array(problem.companyCount);
  for (const m of chosen) {
    degree[timetable.meetingA[m]]++;
    degree[timetable.meetingB[m]]++;
  }
  const difficulty = (m: number) =>
    timetable.meetingSlots[m].length * 1e6 -
    timetable.meetingWeight[m] * 1e3 -
    (degree[timetable.meetingA[m]] + degree[timetable.meetingB[m]]);
  const order = rng.shuffle(chosen.slice()).sort((x, y) => difficulty(x) - difficulty(y));
  // construct() takes meetings from the end of its queue: feed hardest last-in-first-out.
  const unplaced = construct(timetable, order, rng);

  // Everything else that could still meet, heaviest first.
  const others: number[] = [];
  problem.pairs.forEach((pair, i) => {
    if (!meetingOfPair.has(i) && pair.weight > 0 && pair.slots.length > 0 && !pair.fixedOnly) {
      const m = timetable.addMeeting(i, false);
      meetingOfPair.set(i, m);
      others.push(m);
    }
  });
  const byWeight = (list: number[]) =>
    list.sort((x, y) => timetable.meetingWeight[y] - timetable.meetingWeight[x] || difficulty(x) - difficulty(y));
  const leftOver = byWeight([...unplaced, ...others]);
  fill(timetable, leftOver, rng);
  // The selection ignores time: where a chosen meeting could not be placed, trade.
  const candidatesOf: number[][] = Array.from({ length: problem.companyCount }, () => []);
  for (const m of leftOver) {
    candidatesOf[timetable.meetingA[m]].push(m);
    candidatesOf[timetable.meetingB[m]].push(m);
  }
  for (let pass = 0; pass < 3; pass++) {
    const waiting = byWeight(leftOver.filter((m) => timetable.slotOf[m] === -1));
    if (upgrade(timetable, waiting, candidatesOf, rng) <= 0) break;
  }
  const placeSeconds = (Date.now() - placeStart) / 1000;

  // Exact where the model is small: the placement of the heaviest meetings, proven.
  const exactStart = Date.now();
  let exact: SolveStats['exact'] = 'NOT_RUN';
  let exactBound = Infinity;
  const placedWeight = () => timetable.slotOf.reduce((sum, s, m) => sum + (s === -1 ? 0 : timetable.meetingWeight[m]), 0);
  const exactMinGap = options.exactMinGap ?? 0.001;
  // With whole weights no schedule weighs more than the bound rounded down.
  const weightBound = problem.pairs.every((pair) => Number.isInteger(pair.weight)) ? Math.floor(selection.upperBound + 1e-6) : selection.upperBound;
  const adopt = (found: ExactPlacement) => {
    if (found.weight <= placedWeight() + 1e-9) return;
    for (let m = 0; m < timetable.meetingCount; m++) if (timetable.slotOf[m] !== -1 && !timetable.meetingFixed[m]) timetable.remove(m);
    for (const { pair, slot } of found.placements) timetable.place(meetingOfPair.get(pair)!, slot);
    timetable.refreshAllCosts();
  };
  const farFromBound = () => placedWeight() < weightBound * (1 - exactMinGap) - 1e-6;
  // The whole model's LP relaxation first: where it is integral, or nearly (a few split pairs, placed by a small MIP),
  // it is the proven optimum at a fraction of the MIP's time (800 × 20 table-bound: 4.3 s against 9.5 s of windows).
  if (options.mip && !cancelled && farFromBound()) {
    report('exact', 20);
    const found = solveExact(problem, options.mip, Math.max(0.1, ((deadline - Date.now()) / 1000) * 0.3), undefined, 'relaxation-only');
    if (found) {
      exact = found.status;
      exactBound = found.bound;
      adopt(found);
    }
  }
  // Where the whole model is large, exact on windows of a few slots, the rest kept (small models, fast): it often
  // reaches the bound, which proves the weight without the whole model.
  if (options.mip && !cancelled && exact === 'NOT_RUN' && modelSize(problem) > (options.exactWindowsAbove ?? WINDOWS_ABOVE_VARIABLES) && placedWeight() < weightBound - 1e-6) {
    report('exact', 20);
    optimiseWindows(problem, timetable, meetingOfPair, options.mip, { weight: placedWeight(), target: weightBound, deadline: Date.now() + (deadline - Date.now()) * 0.3 });
  }
  if (options.mip && !cancelled && exact === 'NOT_RUN' && farFromBound()) {
    report('exact', 25);
    // The relaxation did not give the optimum (it was tried above): the MIP.
    const found = solveExact(problem, options.mip, Math.max(0.1, ((deadline - Date.now()) / 1000) * 0.6), undefined, 'mip');
    exact = found?.status ?? 'NONE';
    if (found) {
      exactBound = found.bound;
      adopt(found);
    }
  }
  const exactSeconds = (Date.now() - exactStart) / 1000;

  report('improve', 30);
  const improveStart = Date.now();
  const placedCount = () => timetable.slotOf.filter((s) => s !== -1).length;
  const iterations = options.iterations ?? defaultIterations(placedCount());
  // Minimising breaks, the search stops once they reach the lower bound (no schedule of these meetings has fewer).
  const placedPairs = () => timetable.meetingPair.filter((_, m) => timetable.slotOf[m] !== -1);
  // Companies alone first; where the search has not met that bound after a tenth of its iterations, the relaxation
  // (breaksBound, a MIP of a fraction of a second) may raise it: most forums meet the first well before, and pay nothing.
  let breaksBelow = timetable.objective === 'breaks' ? breaksLowerBound(problem, placedPairs()) : undefined;
  let relaxed = !options.mip;
  const goalMet = () => breaksBelow !== undefined && breaksAtMost(problem, timetable, breaksBelow);
  const search = { ...options.search, iterations, deadline, goalMet: breaksBelow !== undefined ? goalMet : undefined };
  const onProgress = (fraction: number) => {
    if (breaksBelow !== undefined && !relaxed && fraction >= RELAX_BREAKS_AFTER) {
      relaxed = true;
      breaksBelow = breaksBound(problem, placedPairs(), options.mip);
      if (goalMet()) return false;
    }
    return report('improve', 30 + 60 * fraction);
  };
  if (!cancelled) improve(timetable, rng, { ...search, onProgress });
  // One break above the bound: runs that close such a gap mostly do so while hot (JAIR forum-13 and ticf-13crafa reach
  // 0 in about half of the runs, within their first 40 %), so the hot part of a run is tried again, up to twice. Over
  // seeds 1–8, 0 breaks without the exact finisher: forum-13 on 8 (4 without this), ticf-13crafa on 4 (1); the
  // forums further above their bound (forum-13crafc, forum-14, …) keep their schedule for the finisher.
  for (let retry = 0; retry < RETRIES && breaksBelow !== undefined && !cancelled && !goalMet() && breaksAtMost(problem, timetable, breaksBelow + 1); retry++) {
    improve(timetable, rng, { ...search, share: RETRY_SHARE, onProgress: () => report('improve', 90) });
  }
  // Improvement moved meetings around: room may have opened for more.
  const refilled = cancelled ? [] : fill(timetable, byWeight([...unplaced, ...others]), rng);
  if (refilled.length > 0 && !cancelled) {
    // More meetings: the bound was for fewer (and may not hold); companies alone give one for these.
    if (breaksBelow !== undefined) breaksBelow = breaksLowerBound(problem, placedPairs());
    improve(timetable, rng, { ...search, iterations: Math.ceil(iterations / 4) });
  }
  const improveSeconds = (Date.now() - improveStart) / 1000;

  report('finish', 95);
  const meetings = assignTables(problem, timetable);
  let weight = 0;
  let holes = 0;
  let breaks = 0;
  let pairsScheduled = 0;
  for (let m = 0; m < timetable.meetingCount; m++) {
    if (timetable.slotOf[m] === -1) continue;
    weight += timetable.meetingWeight[m];
    if (!problem.pairs[timetable.meetingPair[m]].fixedOnly) pairsScheduled++;
  }
  for (let c = 0; c < problem.companyCount; c++) {
    const gaps = timetable.gaps(c);
    holes += gaps.holes;
    breaks += gaps.breaks;
  }
  const upperBound = Math.max(Math.min(weightBound, exactBound), weight);
  const droppedCount = chosen.filter((m) => timetable.slotOf[m] === -1).length;
  report('finish', 100);

  return {
    schedule: { format: MATCHER_FORMAT, meetings, objective: round(weight) },
    stats: {
      meetings: meetings.length,
      weight: round(weight),
      upperBound: round(upperBound),
      gap: upperBound > 0 ? round((upperBound - weight) / upperBound) : 0,
      optimal: weight >= upperBound - 1e-6,
      exact,
      holes,
      breaks,
      breaksLowerBound: breaksBelow,
      pairsScheduled,
      pairsTotal: instance.pairs.length,
      dropped: droppedCount,
      cancelled,
      seconds: {
        bound: boundSeconds,
        place: placeSeconds,
        exact: exactSeconds,
        improve: improveSeconds,
        total: (Date.now() - started) / 1000,
      },
    },
    warnings: problem.warnings,
  };
}

/**
 * Large-neighbourhood search on the weight: windows of consecutive slots
 * (a third of the forum, overlapping by half) are re-optimised exactly, one
 * at a time, with every meeting outside the window kept where it is; sweeps
 * until one changes nothing, the weight (starting at `weight`) reaches
 * `target`, or the deadline.
 */
function optimiseWindows(
  problem: Problem,
  tt: Timetable,
  meetingOfPair: Map<number, number>,
  mip: MipSolver,
  { weight, target, deadline }: { weight: number; target: number; deadline: number },
): void {
  const S = problem.slotCount;
  const width = Math.min(S, Math.max(2, Math.round(S / 3)));
  const stride = Math.max(1, width >> 1);
  for (let improved = true; improved && Date.now() < deadline; ) {
    improved = false;
    for (let start = 0; start < S && Date.now() < deadline && weight < target - 1e-6; start += stride) {
      const slots = new Set(Array.from({ length: Math.min(width, S - start) }, (_, i) => start + i));
      const kept: { pair: number; slot: number }[] = [];
      const inWindow: number[] = [];
      let windowWeight = 0;
      for (let m = 0; m < tt.meetingCount; m++) {
        const s = tt.slotOf[m];
        if (s === -1 || tt.meetingFixed[m]) continue;
        if (slots.has(s)) {
          inWindow.push(m);
          windowWeight += tt.meetingWeight[m];
        } else kept.push({ pair: tt.meetingPair[m], slot: s });
      }
      if (modelSize(problem, { slots, kept }) > WINDOW_MAX_VARIABLES) {
        // Too large a window (forums of thousands of companies): the others are as large.
        improved = false;
        break;
      }
      const found = solveExact(problem, mip, Math.max(0.1, Math.min(5, (deadline - Date.now()) / 1000)), { slots, kept });
      if (found && found.weight > windowWeight + 1e-9) {
        for (const m of inWindow) tt.remove(m);
        for (const { pair, slot } of found.placements) tt.place(meetingOfPair.get(pair)!, slot);
        weight += found.weight - windowWeight;
        improved = true;
      }
      if (start + width >= S) break;
    }
  }
  tt.refreshAllCosts();
}

/** The share of the search's iterations after which, minimising breaks, the relaxation is asked for a better bound. */
const RELAX_BREAKS_AFTER = 0.1;

/** Minimising breaks, tries of the hot part of a run (this share of its iterations) when one break above the bound. */
const RETRIES = 2;
const RETRY_SHARE = 0.4;

/** Whether the timetable has at most this many breaks (counting stops past it). */
function breaksAtMost(problem: Problem, tt: Timetable, most: number): boolean {
  let breaks = 0;
  for (let c = 0; c < problem.companyCount && breaks <= most; c++) breaks += tt.gaps(c).breaks;
  return breaks <= most;
}

function defaultIterations(meetings: number): number {
  return Math.min(20_000_000, Math.max(2_000_000, 1000 * meetings));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
