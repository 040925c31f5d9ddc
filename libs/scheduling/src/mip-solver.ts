import type { ArrayModel, ArrayResult, MipResult, MipSolver } from '@forum/matcher';
import type { Highs } from 'highs';

let loading: Promise<MipSolver> | null = null;

/**
 * HiGHS (WASM build, the `highs` package), loaded once per thread: the
 * matcher's exact stage solves with it (the matcher itself does no I/O),
 * handing its models over as arrays (HiGHS's model API) rather than LP text.
 */
export function loadMipSolver(): Promise<MipSolver> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= (require('highs') as () => Promise<Highs>)().then((highs) => ({
    solve: (model, options) => highs.solve(model, options) as unknown as MipResult,
    solveArrays: (model, options) => solveArrays(highs, model, options ?? {}),
  }));
  return loading;
}

/** HiGHS's model status codes in the words of its text API's `Status`, as the matcher reads them. */
const STATUS: Record<number, string> = { 7: 'Optimal', 8: 'Infeasible', 13: 'Time limit reached', 14: 'Iteration limit reached' };

/**
 * Maximises the binary model given as arrays (see ArrayModel). An empty model
 * is optimal at 0; a solve HiGHS refuses or ends without a solution answers a
 * status the matcher does not use (it keeps its own schedule), never throws.
 */
export function solveArrays(highs: Highs, model: ArrayModel, options: Record<string, string | number | boolean>): ArrayResult {
  const numCols = model.weights.length;
  const numRows = model.rowUpper.length;
  const none = (status: string): ArrayResult => ({ status, objective: Number.NaN, values: new Float64Array(numCols) });
  if (numCols === 0) return { status: 'Optimal', objective: 0, values: new Float64Array(0), dualBound: 0 };
  const solver = highs.createModel();
  try {
    solver.passModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: model.weights,
      colLower: new Float64Array(numCols),
      colUpper: model.colUpper ?? new Float64Array(numCols).fill(1),
      rowLower: model.rowLower ?? new Float64Array(numRows).fill(-highs.infinity),
      rowUpper: model.rowUpper,
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: model.rowStarts,
        indices: model.rowColumns,
        values: model.rowValues ?? new Float64Array(model.rowColumns.length).fill(1),
      },
      integrality: model.integer
        ? Int32Array.from(model.integer, (integer) => (integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous))
        : new Int32Array(numCols).fill(highs.constants.variableType.integer),
    });
    solver.options.set(options);
    const { modelStatus } = solver.run();
    const status = STATUS[modelStatus] ?? `status ${modelStatus}`;
    let values: Float64Array;
    try {
      values = solver.getSolution().colValue;
    } catch {
      return none(status); // no solution, e.g. the time ran out before the first
    }
    return { status, objective: Number(solver.info.get('objective_function_value')), values, dualBound: mipDualBound(solver) };
  } catch (error) {
    return none(`error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    solver.dispose();
  }
}

/** The MIP's proven bound; not there after a relaxation. */
function mipDualBound(solver: { info: { get(name: string): number | bigint } }): number | undefined {
  try {
    const bound = Number(solver.info.get('mip_dual_bound'));
    return Number.isFinite(bound) ? bound : undefined;
  } catch {
    return undefined;
  }
}
