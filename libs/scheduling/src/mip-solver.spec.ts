import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSchedule, Instance, MipSolver, parseInstance, solve, solveExact, timeIndexedModel } from '@forum/matcher';
import { loadMipSolver } from './mip-solver';

// The matcher's table-bound test forum: 150 companies, 12 slots, every table taken in every slot.
const instance = JSON.parse(readFileSync(join(__dirname, '../../matcher/src/testing/table-bound-150.json'), 'utf8')) as Instance;

describe('loadMipSolver', () => {
  let arrays: MipSolver;
  let text: MipSolver;

  beforeAll(async () => {
    arrays = await loadMipSolver();
    // The same HiGHS through its LP-text API only (what the matcher uses without solveArrays).
    text = { solve: arrays.solve };
  });

  it('hands models over as arrays and gets what the LP text gets: the objective, every value, the status', () => {
    const { problem } = parseInstance(instance);
    const built = timeIndexedModel(problem)!;
    const options = { output_flag: false, presolve: 'off', mip_rel_gap: 0, time_limit: 30 };
    for (const extra of [{ solve_relaxation: true }, {}] as Record<string, boolean>[]) {
      const byArrays = arrays.solveArrays!(built.arrays, { ...options, ...extra });
      const byText = text.solve(built.model, { ...options, ...extra });
      expect(byArrays.status).toBe(byText.Status);
      expect(byArrays.status).toBe('Optimal');
      expect(byArrays.objective).toBeCloseTo(byText.ObjectiveValue, 6);
      expect(Array.from(byArrays.values)).toEqual(built.variables.map((v) => byText.Columns[v.name]?.Primal ?? 0));
    }
  });

  it('answers an empty model (a window with nothing left to move) as optimal at 0, and a model HiGHS refuses without throwing', () => {
    const empty = arrays.solveArrays!({ weights: new Float64Array(0), rowUpper: new Float64Array(0), rowStarts: new Int32Array(1), rowColumns: new Int32Array(0) }, { output_flag: false });
    expect(empty).toMatchObject({ status: 'Optimal', objective: 0 });
    // A row naming a column that does not exist.
    const refused = arrays.solveArrays!({ weights: new Float64Array([1]), rowUpper: new Float64Array([1]), rowStarts: new Int32Array([0, 1]), rowColumns: new Int32Array([5]) }, { output_flag: false });
    expect(refused.status).not.toBe('Optimal');
    expect(Number.isFinite(refused.objective)).toBe(false);
  });

  it('says when the time ran out', () => {
    const { problem } = parseInstance(instance);
    const result = arrays.solveArrays!(timeIndexedModel(problem)!.arrays, { output_flag: false, presolve: 'off', time_limit: 1e-6 });
    expect(result.status).toBe('Time limit reached');
  });

  it('gives the exact stage the same proven optimum either way', () => {
    const { problem } = parseInstance(instance);
    expect(solveExact(problem, arrays, 30)).toMatchObject({ status: 'OPTIMAL', weight: 5780 });
    expect(solveExact(problem, text, 30)).toMatchObject({ status: 'OPTIMAL', weight: 5780 });
    const result = solve(instance, { seed: 1, iterations: 3000, mip: arrays });
    expect(result.stats).toMatchObject({ weight: 5780, optimal: true, exact: 'OPTIMAL' });
    expect(checkSchedule(instance, result.schedule)).toEqual([]);
  });

  it('takes the table-bound forum to within 0.2 % of its optimum through windows alone, keeping every rule and proving only what it claims', () => {
    for (const seed of [1, 2, 3]) {
      const result = solve(instance, { seed, iterations: 3000, mip: arrays, exactMinGap: 1, exactWindowsAbove: 0 });
      expect(checkSchedule(instance, result.schedule)).toEqual([]);
      expect(result.stats.weight).toBeGreaterThanOrEqual(5780 * 0.998);
      expect(result.stats.optimal).toBe(result.stats.weight >= result.stats.upperBound - 1e-6);
    }
  });
});
