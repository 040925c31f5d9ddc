import { Problem } from './problem';

/**
 * A mixed-integer programming solver with the interface of HiGHS's WASM
 * build (the `highs` npm package): a CPLEX LP-format model in, primal values,
 * status and dual bound out. The caller loads it and hands it over, so the
 * matcher itself does no I/O.
 */
export interface MipSolver {
  solve(model: string, options?: Record<string, string | number | boolean>): MipResult;
}

export interface MipResult {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
  Info?: { mip_dual_bound?: number };
}

export interface ExactPlacement {
  /** OPTIMAL: the weight is proven best; FEASIBLE: the best found within the time limit. */
  status: 'OPTIMAL' | 'FEASIBLE';
  /** Weight of the placed meetings (fixed meetings excluded: they weigh 0). */
  weight: number;
  /** The solver's proven upper bound on that weight. */
  bound: number;
  /** One slot for each pair that meets (fixed meetings not included). */
  placements: { pair: number; slot: number }[];
}

/** Models above this many variables are left to the heuristic (the time-indexed model grows as pairs × slots). */
export const EXACT_MAX_VARIABLES = 150_000;

/**
 * From this many variables the whole model is slow (HiGHS, this repository's
 * benchmarks: 36k variables proven in ~4.5 s, 76k in ~27 s) and solve() first
 * re-optimises windows of slots, which on table-bound forums reaches the bound
 * in a fraction of that (the 76k one in ~12 s); below it, windows cost more
 * than they save.
 */
export const WINDOWS_ABOVE_VARIABLES = 50_000;

/** A window's model above this many variables is not solved (its solve would take as long as a whole mid-size model). */
export const WINDOW_MAX_VARIABLES = 40_000;

function append(map: Map<number, string[]>, key: number, name: string) {
  const names = map.get(key);
  if (names) names.push(name);
  else map.set(key, [name]);
}

/** Part of a schedule to re-optimise: meetings in `slots` are free, `kept` ones (all others) stay where they are. */
export interface Window {
  slots: ReadonlySet<number>;
  kept: readonly { pair: number; slot: number }[];
}

interface Variable {
  name: string;
  pair: number;
  slot: number;
}

/** At most how many variables the time-indexed model (of a window) has: pairs that may still move × their usable slots. */
export function modelSize(problem: Problem, window?: Window): number {
  const settled = new Set([...problem.fixed, ...(window?.kept ?? [])].map((f) => f.pair));
  let count = 0;
  problem.pairs.forEach((pair, p) => {
    if (settled.has(p) || pair.weight <= 0) return;
    for (const s of pair.slots) if (!window || window.slots.has(s)) count++;
  });
  return count;
}

/**
 * The time-indexed weight model: one binary per pair and usable slot; a pair
 * meets at most once; a company at most once per slot and at most its
 * capacity in all; a slot holds at most as many meetings as it has free
 * tables, and as many interpreter meetings as free interpreter tables (which
 * is also enough for a table assignment: interpreter meetings take interpreter
 * tables, the others any). Fixed meetings are not variables: they take their
 * companies, tables and capacity first. Null when the model is too large.
 */
export function timeIndexedModel(problem: Problem, maxVariables = EXACT_MAX_VARIABLES, window?: Window): { model: string; variables: Variable[] } | null {
  const S = problem.slotCount;
  const fixedPairs = new Set<number>();
  const busy = new Uint8Array(problem.companyCount * S);
  const capacity = Int32Array.from(problem.companyCapacity);
  const tablesLeft = new Int32Array(S).fill(problem.tableCount);
  const interpreterLeft = new Int32Array(S).fill(problem.interpreterTableCount);
  const fixed = [...problem.fixed.map((f) => ({ ...f, interpreterTable: f.table >= 0 && problem.tableInterpreter[f.table] })), ...(window?.kept ?? []).map((k) => ({ ...k, interpreterTable: false }))];
  for (const f of fixed) {
    const pair = problem.pairs[f.pair];
    fixedPairs.add(f.pair);
    for (const c of [pair.a, pair.b]) {
      busy[c * S + f.slot] = 1;
      capacity[c]--;
    }
    tablesLeft[f.slot]--;
    if (pair.needsInterpreter || f.interpreterTable) interpreterLeft[f.slot]--;
  }
  const usable = (s: number) => !window || window.slots.has(s);
  if (modelSize(problem, window) > maxVariables) return null;

  const variables: Variable[] = [];
  const objective: string[] = [];
  const constraints: string[] = [];
  const byCompanySlot = new Map<number, string[]>();
  const byCompany = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byInterpreterSlot: string[][] = Array.from({ length: S }, () => []);
  problem.pairs.forEach((pair, p) => {
    if (fixedPairs.has(p) || pair.weight <= 0) return;
    const names: string[] = [];
    for (const s of pair.slots) {
      if (!usable(s) || busy[pair.a * S + s] || busy[pair.b * S + s] || tablesLeft[s] <= 0 || (pair.needsInterpreter && interpreterLeft[s] <= 0)) continue;
      const name = `x${p}_${s}`;
      variables.push({ name, pair: p, slot: s });
      names.push(name);
      objective.push(`${pair.weight} ${name}`);
      for (const c of [pair.a, pair.b]) {
        append(byCompanySlot, c * S + s, name);
        append(byCompany, c, name);
      }
      bySlot[s].push(name);
      if (pair.needsInterpreter) byInterpreterSlot[s].push(name);
    }
    if (names.length > 1) constraints.push(` p${p}: ${names.join(' + ')} <= 1`);
  });
  for (const [key, names] of byCompanySlot) if (names.length > 1) constraints.push(` cs${key}: ${names.join(' + ')} <= 1`);
  for (const [c, names] of byCompany) if (names.length > capacity[c]) constraints.push(` c${c}: ${names.join(' + ')} <= ${Math.max(0, capacity[c])}`);
  bySlot.forEach((names, s) => names.length > tablesLeft[s] && constraints.push(` t${s}: ${names.join(' + ')} <= ${tablesLeft[s]}`));
  byInterpreterSlot.forEach((names, s) => names.length > interpreterLeft[s] && constraints.push(` i${s}: ${names.join(' + ')} <= ${interpreterLeft[s]}`));
  const model = ['Maximize', ` obj: ${objective.join(' + ') || '0 x0'}`, 'Subject To', ...(constraints.length ? constraints : [' c0: 0 x0 <= 0']), 'Binary', ...variables.map((v) => ` ${v.name}`), ...(variables.length ? [] : [' x0']), 'End'].join('\n');
  return { model, variables };
}

/**
 * The heaviest placement the time-indexed model allows, by mixed-integer
 * programming within `timeLimitSeconds` (with a window: the heaviest
 * placement in its slots around the kept meetings); null when the model is
 * too large (EXACT_MAX_VARIABLES, for a window WINDOW_MAX_VARIABLES) or the
 * solver found nothing.
 */
export function solveExact(problem: Problem, mip: MipSolver, timeLimitSeconds: number, window?: Window): ExactPlacement | null {
  const built = timeIndexedModel(problem, window ? WINDOW_MAX_VARIABLES : EXACT_MAX_VARIABLES, window);
  if (!built) return null;
  // Without HiGHS's presolve: on these models it removes little (2 % of the columns of an 800-company forum's window)
  // and took longer than the solve itself (2.9 s of 6.2 s), and the model's LP relaxation is usually integral at
  // the root. Measured on the table-bound forums: exact stage 400 × 20 9.3 → 5.6 s, 500 × 24 4.8 → 2.5 s.
  const result = mip.solve(built.model, { time_limit: Math.max(0.1, timeLimitSeconds), mip_rel_gap: 0, output_flag: false, presolve: 'off' });
  if (result.Status !== 'Optimal' && !(result.Status === 'Time limit reached' && Number.isFinite(result.ObjectiveValue))) return null;
  const placements = built.variables.filter((v) => (result.Columns[v.name]?.Primal ?? 0) > 0.5).map(({ pair, slot }) => ({ pair, slot }));
  const weight = placements.reduce((sum, { pair }) => sum + problem.pairs[pair].weight, 0);
  const optimal = result.Status === 'Optimal';
  return { status: optimal ? 'OPTIMAL' : 'FEASIBLE', weight, bound: optimal ? weight : (result.Info?.mip_dual_bound ?? Infinity), placements };
}
