import { assignMinCost } from './assignment';
import { pairKey } from './evaluate';
import { Instance, MATCHER_FORMAT } from './format';
import { parseInstance } from './parse-instance';
import { Problem } from './problem';
import type { SolveResult } from './solve';
import { assignTables } from './tables';
import { Timetable } from './timetable';

/**
 * A MaxSAT solver over SMT-LIB 2 text (Booleans, pseudo-Boolean constraints
 * `(_ pbeq k …)` / `(_ at-most k …)` and `assert-soft`), such as Z3's
 * Optimize. The caller loads it and hands it over, so the matcher does no I/O.
 */
export interface MaxSatSolver {
  minimize(smt2: string, options: MaxSatOptions): Promise<MaxSatResult>;
}

export interface MaxSatOptions {
  timeLimitMs: number;
  /** A known solution: each variable's value (a hint to start from). */
  initial: Map<string, boolean>;
  /** How many soft assertions the known solution violates (a solver may look only for fewer). */
  initialCost: number;
  /** At least this many are violated in any solution (a proven lower bound). */
  lowerBound: number;
}

export interface MaxSatResult {
  /**
   * OPTIMAL: the model violates the fewest soft assertions possible, proven;
   * INFEASIBLE: no model violates fewer than `initialCost` (the known solution is optimal);
   * UNKNOWN: no proof within the time (nothing is used).
   */
  status: 'OPTIMAL' | 'UNKNOWN' | 'INFEASIBLE';
  /** The variables true in the optimal model. */
  trueVariables: string[];
}

export interface BreaksFinish {
  /** How the breaks of the result stand: at our lower bound, proven optimal by the exact model, or neither (not run, or no proof in time). */
  breaksStatus: 'AT_LOWER_BOUND' | 'OPTIMAL' | 'UNPROVEN';
  breaksLowerBound: number;
  seconds: number;
}

/**
 * A lower bound on the breaks of any schedule of these meetings: the
 * companies that could not have their meetings back to back on each day
 * even if nobody else had constraints (a perfect matching of their meetings
 * into some runs of consecutive slots, one a day, by the Hungarian method, fails).
 */
export function breaksLowerBound(problem: Problem, pairs: readonly number[]): number {
  return companiesThatMustBreak(problem, pairs).size;
}

/**
 * The companies that could not have their meetings (these pairs) back to back on each day they meet even alone:
 * no choice of one run of consecutive slots a day (or none), as many slots in all as meetings, takes every meeting
 * in a slot it can use. Where the days allow more choices than COMPACT_CHOICES, a company is not counted (the bound
 * stays a bound).
 */
export function companiesThatMustBreak(problem: Problem, pairs: readonly number[]): Set<number> {
  const pairsOf: number[][] = Array.from({ length: problem.companyCount }, () => []);
  for (const p of pairs) {
    pairsOf[problem.pairs[p].a].push(p);
    pairsOf[problem.pairs[p].b].push(p);
  }
  const days = daysOf(problem);
  const mustBreak = new Set<number>();
  pairsOf.forEach((own, c) => {
    const d = own.length;
    if (d === 0) return;
    const usable = own.map((p) => new Set(problem.pairs[p].slots));
    const fits = (slots: number[]) => assignMinCost(d, d, (i, j) => (usable[i].has(slots[j]) ? 0 : Infinity)) !== null;
    let choices = 0;
    // Runs for days from `day` on, `left` slots still to take, `taken` so far: whether some choice fits.
    const compact = (day: number, left: number, taken: number[]): boolean => {
      if (++choices > COMPACT_CHOICES) return true;
      if (left === 0) return fits(taken);
      if (day === days.length) return false;
      if (compact(day + 1, left, taken)) return true;
      const slots = days[day];
      for (let length = Math.min(left, slots.length); length >= 1; length--) {
        for (let start = 0; start + length <= slots.length; start++) {
          if (compact(day + 1, left - length, [...taken, ...slots.slice(start, start + length)])) return true;
        }
      }
      return false;
    };
    if (!compact(0, d, [])) mustBreak.add(c);
  });
  return mustBreak;
}

/** Each day's slots, first to last. */
export function daysOf(problem: Problem): number[][] {
  const days: number[][] = [];
  for (let s = 0; s < problem.slotCount; s++) {
    if (s === 0 || problem.slotDay[s] !== problem.slotDay[s - 1]) days.push([]);
    days[days.length - 1].push(s);
  }
  return days;
}

/** Choices of runs tried per company (partial ones too) before companiesThatMustBreak gives up on proving a break. */
const COMPACT_CHOICES = 5000;

/**
 * The fewest breaks for the meetings of a result, by an exact optimiser:
 * the same meetings (and fixed ones where they are) re-timed so that as few
 * companies as possible wait between meetings. Runs only when the result's
 * breaks exceed the lower bound; its schedule replaces the result's only
 * when the optimiser proves its optimum within `timeLimitMs` (a timed-out
 * MaxSAT model is not a good schedule) and it keeps every rule.
 */
export async function finishBreaks(
  instance: Instance,
  result: SolveResult,
  solver: MaxSatSolver,
  options: { timeLimitMs: number },
): Promise<SolveResult & { finish: BreaksFinish }> {
  const started = Date.now();
  const { problem } = parseInstance(instance);
  const tt = timetableOf(problem, result);
  const placed = tt.meetingPair.filter((_, m) => tt.slotOf[m] !== -1);
  // solve()'s bound (the relaxation's, where it ran) is for these meetings too.
  const lowerBound = Math.max(breaksLowerBound(problem, placed), result.stats.breaksLowerBound ?? 0);
  const done = (breaksStatus: BreaksFinish['breaksStatus'], replaced?: SolveResult) => ({
    ...(replaced ?? result),
    finish: { breaksStatus, breaksLowerBound: lowerBound, seconds: (Date.now() - started) / 1000 },
  });
  if (result.stats.breaks <= lowerBound) return done('AT_LOWER_BOUND');

  const model = breaksModel(tt);
  const found = await solver.minimize(model.smt2, { timeLimitMs: options.timeLimitMs, initial: model.initial, initialCost: result.stats.breaks, lowerBound });
  if (found.status === 'INFEASIBLE') return done('OPTIMAL');
  if (found.status !== 'OPTIMAL') return done('UNPROVEN');
  const truth = new Set(found.trueVariables);
  // Every meeting of the result gets its slot from the model (one missing: the answer is not used).
  const slots = tt.slotOf.map((s, m) => (s === -1 ? -1 : (tt.meetingSlots[m].find((t) => truth.has(x(m, t))) ?? null)));
  if (slots.includes(null)) return done('UNPROVEN');
  for (let m = 0; m < tt.meetingCount; m++) if (tt.slotOf[m] !== -1) tt.remove(m);
  for (let m = 0; m < tt.meetingCount; m++) {
    const s = slots[m]!;
    if (s === -1) continue;
    if (!tt.fits(m, s)) return done('UNPROVEN');
    tt.place(m, s);
  }
  let holes = 0;
  let breaks = 0;
  for (let c = 0; c < problem.companyCount; c++) {
    const gaps = tt.gaps(c);
    holes += gaps.holes;
    breaks += gaps.breaks;
  }
  if (breaks > result.stats.breaks) return done('UNPROVEN');
  const meetings = assignTables(problem, tt);
  return done('OPTIMAL', {
    ...result,
    schedule: { format: MATCHER_FORMAT, meetings, objective: result.schedule.objective },
    stats: { ...result.stats, holes, breaks },
  });
}

const x = (m: number, s: number) => `x${m}_${s}`;

/** The result's meetings in a timetable (fixed meetings marked fixed), placed as the result has them. */
function timetableOf(problem: Problem, result: SolveResult): Timetable {
  const tt = new Timetable(problem, 'breaks');
  const pairOf = new Map<string, number>();
  problem.pairs.forEach((pair, i) => pairOf.set(pairKey(problem.companyIds[pair.a], problem.companyIds[pair.b]), i));
  const slotOf = new Map(problem.slotIds.map((id, s) => [id, s]));
  const fixed = new Set(problem.fixed.map((f) => f.pair));
  for (const meeting of result.schedule.meetings) {
    const pair = pairOf.get(pairKey(meeting.a, meeting.b))!;
    tt.place(tt.addMeeting(pair, fixed.has(pair)), slotOf.get(meeting.slot)!);
  }
  return tt;
}

/**
 * The meeting × slot model: one Boolean per meeting and usable slot (fixed
 * meetings only in theirs), each meeting in exactly one slot, each company in
 * at most one meeting per slot, each slot within its tables and interpreter
 * tables; busy[c][s], and a soft "no break" for every slot where company c
 * could resume after waiting (busy now, not just before, busy earlier that
 * day). Implied constraints (as in the JAIR 2022 encodings) help the
 * solver: a company is busy in exactly as many slots as it has meetings, and
 * at most twice the tables' companies are busy in a slot.
 */
function breaksModel(tt: Timetable): { smt2: string; initial: Map<string, boolean> } {
  const { problem } = tt;
  const S = tt.slotCount;
  const lines: string[] = [];
  const initial = new Map<string, boolean>();
  const declare = (name: string) => lines.push(`(declare-const ${name} Bool)`);
  const atMost = (k: number, terms: string[]) => terms.length > k && lines.push(`(assert ((_ at-most ${k}) ${terms.join(' ')}))`);
  const exactly = (k: number, terms: string[]) => lines.push(`(assert ((_ pbeq ${k} ${terms.map(() => 1).join(' ')}) ${terms.join(' ')}))`);

  const ofCompanySlot: string[][] = Array.from({ length: problem.companyCount * S }, () => []);
  const ofSlot: string[][] = Array.from({ length: S }, () => []);
  const interpreterOfSlot: string[][] = Array.from({ length: S }, () => []);
  const meetings = new Int32Array(problem.companyCount);
  for (let m = 0; m < tt.meetingCount; m++) {
    const placedIn = tt.slotOf[m];
    if (placedIn === -1) continue;
    const slots = tt.meetingFixed[m] ? [placedIn] : Array.from(tt.meetingSlots[m]);
    for (const s of slots) {
      const name = x(m, s);
      declare(name);
      initial.set(name, s === placedIn);
      ofCompanySlot[tt.meetingA[m] * S + s].push(name);
      ofCompanySlot[tt.meetingB[m] * S + s].push(name);
      ofSlot[s].push(name);
      if (tt.meetingInterpreter[m]) interpreterOfSlot[s].push(name);
    }
    exactly(1, slots.map((s) => x(m, s)));
    meetings[tt.meetingA[m]]++;
    meetings[tt.meetingB[m]]++;
  }
  const busyOfSlot: string[][] = Array.from({ length: S }, () => []);
  for (let s = 0; s < S; s++) {
    atMost(problem.tableCount, ofSlot[s]);
    atMost(tt.interpreterCapacity[s], interpreterOfSlot[s]);
  }
  for (let c = 0; c < problem.companyCount; c++) {
    if (meetings[c] === 0) continue;
    const busy: (string | null)[] = [];
    for (let s = 0; s < S; s++) {
      const terms = ofCompanySlot[c * S + s];
      if (terms.length === 0) {
        busy.push(null);
        continue;
      }
      atMost(1, terms);
      const name = `b${c}_${s}`;
      declare(name);
      lines.push(`(assert (= ${name} ${terms.length === 1 ? terms[0] : `(or ${terms.join(' ')})`}))`);
      busy.push(name);
      busyOfSlot[s].push(name);
    }
    exactly(meetings[c], busy.filter((b): b is string => b !== null));
    // started: busy at some slot of the day up to s.
    let started: string | null = null;
    for (let s = 0; s < S; s++) {
      if (s > 0 && problem.slotDay[s] !== problem.slotDay[s - 1]) started = null;
      const now = busy[s];
      if (now && started && busy[s - 1] !== undefined) {
        const resume = `k${c}_${s}`;
        declare(resume);
        lines.push(`(assert (=> (and ${now} ${busy[s - 1] ? `(not ${busy[s - 1]})` : 'true'} ${started}) ${resume}))`);
        lines.push(`(assert-soft (not ${resume}) :weight 1)`);
      }
      if (now) {
        const next = `s${c}_${s}`;
        declare(next);
        lines.push(`(assert (= ${next} ${started ? `(or ${started} ${now})` : now}))`);
        started = next;
      }
    }
  }
  for (let s = 0; s < S; s++) atMost(2 * problem.tableCount, busyOfSlot[s]);
  return { smt2: lines.join('\n'), initial };
}
