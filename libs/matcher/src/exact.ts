import { Problem } from './problem';

/**
 * A mixed-integer programming solver with the interface of HiGHS's WASM
 * build (the `highs` npm package): a CPLEX LP-format model in, primal values,
 * status and dual bound out. The caller loads it and hands it over, so the
 * matcher itself does no I/O.
 */
export interface MipSolver {
  solve(model: string, options?: Record<string, string | number | boolean>): MipResult;
  /**
   * The same model as arrays (HiGHS's model API, see libs/scheduling's
   * loadMipSolver), where the solver offers it: nothing to write as LP text and
   * parse again (HiGHS took 0.2–0.7 s to read a window of the 800-company
   * forum, 1.5 s for its whole model).
   */
  solveArrays?(model: ArrayModel, options?: Record<string, string | number | boolean>): ArrayResult;
}

export interface MipResult {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
  Info?: { mip_dual_bound?: number };
}

/**
 * Maximise Σ weights[j]·x[j], x binary, each row Σ x[j] over its columns ≤ its upper bound (rows in CSR: row i is
 * columns[starts[i] … starts[i + 1])). The optional fields make it a general mixed-integer model: coefficients
 * (`rowValues`, 1 where absent), lower row bounds (−∞ where absent), column upper bounds (1) and which columns are
 * integer (all).
 */
export interface ArrayModel {
  weights: Float64Array;
  rowUpper: Float64Array;
  rowStarts: Int32Array;
  rowColumns: Int32Array;
  rowValues?: Float64Array;
  rowLower?: Float64Array;
  colUpper?: Float64Array;
  /** 1 where the column is integer. */
  integer?: Uint8Array;
}

/** `status` in the words of MipResult.Status ('Optimal', 'Time limit reached', …); `values` by column. */
export interface ArrayResult {
  status: string;
  objective: number;
  values: Float64Array;
  dualBound?: number;
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
 * From this many variables the whole model's MIP is slow (HiGHS, this
 * repository's benchmarks: 36k variables proven in ~4.5 s, 76k in ~27 s) and,
 * where its relaxation does not give the optimum (or the placement is within
 * exactMinGap of the bound), solve() re-optimises windows of slots, which on
 * table-bound forums reaches the bound in a fraction of that; below it,
 * windows cost more than they save.
 */
export const WINDOWS_ABOVE_VARIABLES = 50_000;

/** A window's model above this many variables is not solved (its solve would take as long as a whole mid-size model). */
export const WINDOW_MAX_VARIABLES = 40_000;

function append(map: Map<number, number[]>, key: number, column: number) {
  const columns = map.get(key);
  if (columns) columns.push(column);
  else map.set(key, [column]);
}

/**
 * Part of a schedule to re-optimise: meetings in `slots` are free, `kept` ones
 * (all others) stay where they are; with `free`, only those pairs may be
 * placed (the others not kept do not meet).
 */
export interface Window {
  slots: ReadonlySet<number>;
  kept: readonly { pair: number; slot: number }[];
  free?: ReadonlySet<number>;
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
    if (settled.has(p) || pair.weight <= 0 || (window?.free && !window.free.has(p))) return;
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
export function timeIndexedModel(problem: Problem, maxVariables = EXACT_MAX_VARIABLES, window?: Window): TimeIndexedModel | null {
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
  const rows: { columns: number[]; upper: number }[] = [];
  const byCompanySlot = new Map<number, number[]>();
  const byCompany = new Map<number, number[]>();
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  const byInterpreterSlot: number[][] = Array.from({ length: S }, () => []);
  problem.pairs.forEach((pair, p) => {
    if (fixedPairs.has(p) || pair.weight <= 0 || (window?.free && !window.free.has(p))) return;
    const columns: number[] = [];
    for (const s of pair.slots) {
      if (!usable(s) || busy[pair.a * S + s] || busy[pair.b * S + s] || tablesLeft[s] <= 0 || (pair.needsInterpreter && interpreterLeft[s] <= 0)) continue;
      const j = variables.length;
      variables.push({ name: `x${p}_${s}`, pair: p, slot: s });
      columns.push(j);
      for (const c of [pair.a, pair.b]) {
        append(byCompanySlot, c * S + s, j);
        append(byCompany, c, j);
      }
      bySlot[s].push(j);
      if (pair.needsInterpreter) byInterpreterSlot[s].push(j);
    }
    if (columns.length > 1) rows.push({ columns, upper: 1 });
  });
  for (const columns of byCompanySlot.values()) if (columns.length > 1) rows.push({ columns, upper: 1 });
  for (const [c, columns] of byCompany) if (columns.length > capacity[c]) rows.push({ columns, upper: Math.max(0, capacity[c]) });
  bySlot.forEach((columns, s) => columns.length > tablesLeft[s] && rows.push({ columns, upper: tablesLeft[s] }));
  byInterpreterSlot.forEach((columns, s) => columns.length > interpreterLeft[s] && rows.push({ columns, upper: interpreterLeft[s] }));

  const rowStarts = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (rowStarts[i + 1] = rowStarts[i] + row.columns.length));
  const rowColumns = new Int32Array(rowStarts[rows.length]);
  rows.forEach((row, i) => rowColumns.set(row.columns, rowStarts[i]));
  const arrays: ArrayModel = {
    weights: Float64Array.from(variables, (v) => problem.pairs[v.pair].weight),
    rowUpper: Float64Array.from(rows, (row) => row.upper),
    rowStarts,
    rowColumns,
  };
  let text: string | undefined;
  return {
    variables,
    arrays,
    // As LP text only for a solver without solveArrays (written once, when first asked for).
    get model() {
      if (text !== undefined) return text;
      const term = (j: number) => variables[j].name;
      const constraints = rows.map((row, i) => ` r${i}: ${row.columns.map(term).join(' + ')} <= ${row.upper}`);
      const objective = variables.map((v, j) => `${arrays.weights[j]} ${v.name}`);
      text = ['Maximize', ` obj: ${objective.join(' + ') || '0 x0'}`, 'Subject To', ...(constraints.length ? constraints : [' c0: 0 x0 <= 0']), 'Binary', ...variables.map((v) => ` ${v.name}`), ...(variables.length ? [] : [' x0']), 'End'].join('\n');
      return text;
    },
  };
}

/** The time-indexed model: its variables (column j is variables[j]), as arrays, and as LP text. */
export interface TimeIndexedModel {
  variables: Variable[];
  arrays: ArrayModel;
  readonly model: string;
}

/**
 * How solveExact goes about it: the LP relaxation and, where it is integral or
 * nearly, the schedule it holds (see fromRelaxation), else the MIP; the
 * relaxation only (null when it does not give the optimum); or the MIP only.
 */
export type ExactMode = 'relaxation-first' | 'relaxation-only' | 'mip';

/**
 * The heaviest placement the time-indexed model allows, by mixed-integer
 * programming within `timeLimitSeconds` (with a window: the heaviest
 * placement in its slots around the kept meetings); null when the model is
 * too large (EXACT_MAX_VARIABLES, for a window WINDOW_MAX_VARIABLES) or the
 * solver found nothing.
 */
export function solveExact(problem: Problem, mip: MipSolver, timeLimitSeconds: number, window?: Window, mode: ExactMode = 'relaxation-first'): ExactPlacement | null {
  const built = timeIndexedModel(problem, window ? WINDOW_MAX_VARIABLES : EXACT_MAX_VARIABLES, window);
  if (!built) return null;
  // Without HiGHS's presolve: on these models it removes little (2 % of the columns of an 800-company forum's window)
  // and took longer than the solve itself (2.9 s of 6.2 s), and the model's LP relaxation is usually integral at
  // the root. Measured on the table-bound forums: exact stage 400 × 20 9.3 → 5.6 s, 500 × 24 4.8 → 2.5 s.
  const started = Date.now();
  const secondsLeft = () => Math.max(0.1, timeLimitSeconds - (Date.now() - started) / 1000);
  const options = { time_limit: Math.max(0.1, timeLimitSeconds), mip_rel_gap: 0, output_flag: false, presolve: 'off' };
  if (mode !== 'mip') {
    const relaxed = run(mip, built, { ...options, solve_relaxation: true });
    const rounded = relaxed.status === 'Optimal' ? fromRelaxation(problem, mip, built.variables, relaxed, window, { ...options, time_limit: secondsLeft() }) : null;
    if (rounded || mode === 'relaxation-only') return rounded;
  }
  const result = run(mip, built, { ...options, time_limit: secondsLeft() });
  if (result.status !== 'Optimal' && !(result.status === 'Time limit reached' && Number.isFinite(result.objective))) return null;
  const placements = built.variables.filter((_, j) => result.values[j] > 0.5).map(({ pair, slot }) => ({ pair, slot }));
  const weight = placements.reduce((sum, { pair }) => sum + problem.pairs[pair].weight, 0);
  const optimal = result.status === 'Optimal';
  return { status: optimal ? 'OPTIMAL' : 'FEASIBLE', weight, bound: optimal ? weight : (result.dualBound ?? Infinity), placements };
}

/**
 * An optimal schedule from the LP relaxation, where one is near: the
 * relaxation's whole values kept, the few pairs it splits between slots placed
 * by the MIP around them (a model of a few dozen variables). Optimal, proven,
 * when that weighs as much as the relaxation (no integer solution weighs
 * more); null otherwise, and the whole MIP runs.
 *
 * Measured on the table-bound forums (HiGHS, presolve off): the six windows of
 * the 800-company forum have integral relaxations, 0.07–0.15 s each against
 * 0.4–2.1 s for their MIP; the whole 400 × 20 model's relaxation (0.28 s)
 * splits 49 of 36,000 variables and weighs the optimum, which its MIP takes
 * 1.3 s to reach; the whole 800 × 20 one (0.7 s) splits 38 of 76,000, against
 * 21.7 s for the MIP.
 */
function fromRelaxation(
  problem: Problem,
  mip: MipSolver,
  variables: readonly Variable[],
  relaxed: ArrayResult,
  window: Window | undefined,
  options: Record<string, string | number | boolean>,
): ExactPlacement | null {
  const split = new Set<number>();
  variables.forEach((v, j) => isWhole(relaxed.values[j]) || split.add(v.pair));
  const placements = variables.filter((v, j) => !split.has(v.pair) && relaxed.values[j] > 0.5).map(({ pair, slot }) => ({ pair, slot }));
  if (split.size > 0) {
    const slots = window?.slots ?? new Set(problem.slotIds.map((_, s) => s));
    const rest = timeIndexedModel(problem, EXACT_MAX_VARIABLES, { slots, kept: [...(window?.kept ?? []), ...placements], free: split });
    if (!rest) return null;
    const result = run(mip, rest, options);
    if (result.status !== 'Optimal') return null;
    rest.variables.forEach((v, j) => result.values[j] > 0.5 && placements.push({ pair: v.pair, slot: v.slot }));
  }
  const weight = placements.reduce((sum, { pair }) => sum + problem.pairs[pair].weight, 0);
  // With whole weights no schedule weighs more than the relaxation rounded down.
  const bound = variables.every((v) => Number.isInteger(problem.pairs[v.pair].weight)) ? Math.floor(relaxed.objective + 1e-6) : relaxed.objective;
  return weight >= bound - 1e-6 ? { status: 'OPTIMAL', weight, bound: weight, placements } : null;
}

/** The model solved as arrays where the solver takes them, else as LP text; values by column either way. */
function run(mip: MipSolver, built: TimeIndexedModel, options: Record<string, string | number | boolean>): ArrayResult {
  if (mip.solveArrays) return mip.solveArrays(built.arrays, options);
  const result = mip.solve(built.model, options);
  return {
    status: result.Status,
    objective: result.ObjectiveValue,
    values: Float64Array.from(built.variables, (v) => result.Columns[v.name]?.Primal ?? 0),
    dualBound: result.Info?.mip_dual_bound,
  };
}

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= 1e-6;
}
