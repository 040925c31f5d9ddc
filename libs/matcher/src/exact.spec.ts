import fc from 'fast-check';
import { checkSchedule, measureSchedule } from './evaluate';
import { MipSolver, modelSize, solveExact, timeIndexedModel } from './exact';
import { Instance } from './format';
import { parseInstance } from './parse-instance';
import { solve } from './solve';
import { arbitraryInstance } from './testing/arbitrary-instance';

const FAST = { iterations: 3000 };
let highs: MipSolver;

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highs = await (require('highs') as () => Promise<MipSolver>)();
});

describe('solve with the exact stage (HiGHS)', () => {
  it('keeps every rule and the fixed meetings, never weighs less than without it, and proves what it claims', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 0, max: 1000 }), (instance, seed) => {
        const plain = solve(instance, { seed, ...FAST });
        const exact = solve(instance, { seed, ...FAST, mip: highs, exactMinGap: 0 });
        expect(checkSchedule(instance, exact.schedule)).toEqual([]);
        expect(measureSchedule(instance, exact.schedule).weight).toBeCloseTo(exact.stats.weight, 6);
        expect(exact.stats.weight).toBeGreaterThanOrEqual(plain.stats.weight - 1e-6);
        expect(exact.stats.weight).toBeLessThanOrEqual(exact.stats.upperBound + 1e-6);
        // Run only where the heuristic left weight below the bound; when it proves, the weight is the bound.
        if (plain.stats.weight >= plain.stats.upperBound - 1e-6) expect(exact.stats.exact).toBe('NOT_RUN');
        if (exact.stats.exact === 'OPTIMAL') expect(exact.stats.optimal).toBe(true);
        expect(exact.stats.optimal).toBe(exact.stats.weight >= exact.stats.upperBound - 1e-6);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('with windows first, still keeps every rule and the fixed meetings, and proves only what it claims', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 0, max: 1000 }), (instance, seed) => {
        const plain = solve(instance, { seed, ...FAST });
        const windows = solve(instance, { seed, ...FAST, mip: highs, exactMinGap: 0, exactWindowsAbove: 0 });
        expect(checkSchedule(instance, windows.schedule)).toEqual([]);
        expect(measureSchedule(instance, windows.schedule).weight).toBeCloseTo(windows.stats.weight, 6);
        expect(windows.stats.weight).toBeGreaterThanOrEqual(plain.stats.weight - 1e-6);
        expect(windows.stats.weight).toBeLessThanOrEqual(windows.stats.upperBound + 1e-6);
        expect(windows.stats.optimal).toBe(windows.stats.weight >= windows.stats.upperBound - 1e-6);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('windows alone take the table-bound forum from its placement to within 0.2 % of the optimum', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const instance = require('./testing/table-bound-150.json') as Instance;
    const plain = solve(instance, { seed: 1, ...FAST });
    // exactMinGap 1: the whole model never runs, so any gain comes from the windows.
    const windows = solve(instance, { seed: 1, ...FAST, mip: highs, exactMinGap: 1, exactWindowsAbove: 0 });
    expect(windows.stats.exact).toBe('NOT_RUN');
    expect(checkSchedule(instance, windows.schedule)).toEqual([]);
    expect(plain.stats.weight).toBeLessThan(5780 * 0.98);
    expect(windows.stats.weight).toBeGreaterThanOrEqual(5780 * 0.998);
    expect(windows.stats.upperBound).toBe(5780);
  });

  it('reaches the proven optimum on a table-bound forum where the heuristic placement falls short', () => {
    // bench/generate-forum.ts: 150 companies, 12 slots, 40 % away for part of the day, tables for 35 % of demand (every table taken).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const instance = require('./testing/table-bound-150.json') as Instance;
    const plain = solve(instance, { seed: 1, ...FAST });
    expect(plain.stats.weight).toBeLessThan(plain.stats.upperBound - 1);
    const { schedule, stats } = solve(instance, { seed: 1, ...FAST, mip: highs });
    expect(checkSchedule(instance, schedule)).toEqual([]);
    expect(stats).toMatchObject({ exact: 'OPTIMAL', optimal: true, gap: 0 });
    expect(stats.weight).toBeGreaterThan(plain.stats.weight);
    expect(measureSchedule(instance, schedule).weight).toBeCloseTo(stats.weight, 6);
  });

  it('leaves a placement within exactMinGap of the bound to the heuristic', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const instance = require('./testing/table-bound-150.json') as Instance;
    const plain = solve(instance, { seed: 1, ...FAST });
    const gap = (plain.stats.upperBound - plain.stats.weight) / plain.stats.upperBound;
    expect(solve(instance, { seed: 1, ...FAST, mip: highs, exactMinGap: gap + 0.001 }).stats.exact).toBe('NOT_RUN');
  });

  it('without a solver, the stage does not run', () => {
    const instance: Instance = {
      format: 'forum-matcher/v1',
      slots: [{ id: 's1', start: '2024-06-10T09:00:00+07:00', end: '2024-06-10T09:30:00+07:00' }],
      tables: [{ id: 'T1' }],
      companies: [{ id: 'a' }, { id: 'b' }],
      pairs: [{ a: 'a', b: 'b', weight: 1 }],
    };
    expect(solve(instance, { seed: 1 }).stats).toMatchObject({ exact: 'NOT_RUN', optimal: true });
  });
});

describe('solveExact', () => {
  /** Companies meeting pairwise in one slot with a table each: `triangles` triangles of companies, `pairs` of two more. */
  const oneSlot = (triangles: number, pairs = 0): Instance => {
    const companies: { id: string }[] = [];
    const meetings: { a: string; b: string; weight: number }[] = [];
    for (let t = 0; t < triangles; t++) {
      const [a, b, c] = [`t${t}a`, `t${t}b`, `t${t}c`];
      companies.push({ id: a }, { id: b }, { id: c });
      meetings.push({ a, b, weight: 1 }, { a, b: c, weight: 1 }, { a: b, b: c, weight: 1 });
    }
    for (let p = 0; p < pairs; p++) {
      companies.push({ id: `p${p}a` }, { id: `p${p}b` });
      meetings.push({ a: `p${p}a`, b: `p${p}b`, weight: 1 });
    }
    return {
      format: 'forum-matcher/v1',
      slots: [{ id: 's1', start: '2024-06-10T09:00:00+07:00', end: '2024-06-10T09:30:00+07:00' }],
      tables: Array.from({ length: meetings.length }, (_, i) => ({ id: `T${i}` })),
      companies,
      pairs: meetings,
    };
  };
  /** HiGHS, with each call's variables and whether it solved the relaxation. */
  const recording = () => {
    const calls: { relaxation: boolean; variables: number }[] = [];
    const mip: MipSolver = {
      solve(model, options) {
        calls.push({ relaxation: options?.solve_relaxation === true, variables: model.split('\nBinary\n')[1].split('\n').length - 1 });
        return highs.solve(model, options);
      },
    };
    return { calls, mip };
  };

  it('takes an integral relaxation as the proven optimum, without the MIP', () => {
    const { problem } = parseInstance(oneSlot(0, 3));
    const { calls, mip } = recording();
    expect(solveExact(problem, mip, 10, undefined, 'relaxation-only')).toMatchObject({ status: 'OPTIMAL', weight: 3, bound: 3 });
    expect(calls).toEqual([{ relaxation: true, variables: 3 }]);
  });

  it('places the pairs a relaxation splits with a MIP of those alone, optimal when it weighs the relaxation rounded down', () => {
    // One triangle and two pairs: the relaxation meets each pair of the triangle half (1.5), the pairs whole; 3.5 → 3.
    const { problem } = parseInstance(oneSlot(1, 2));
    const { calls, mip } = recording();
    const found = solveExact(problem, mip, 10, undefined, 'relaxation-only');
    expect(found).toMatchObject({ status: 'OPTIMAL', weight: 3, bound: 3 });
    expect(found!.placements).toHaveLength(3);
    expect(calls).toEqual([
      { relaxation: true, variables: 5 },
      { relaxation: false, variables: 3 },
    ]);
  });

  it('leaves a relaxation whose bound no schedule reaches to the MIP', () => {
    // Two triangles: the relaxation weighs 3, every schedule 2.
    const { problem } = parseInstance(oneSlot(2));
    expect(solveExact(problem, highs, 10, undefined, 'relaxation-only')).toBeNull();
    const { calls, mip } = recording();
    expect(solveExact(problem, mip, 10)).toMatchObject({ status: 'OPTIMAL', weight: 2, bound: 2 });
    expect(calls.map((call) => call.relaxation)).toEqual([true, false, false]);
    const direct = recording();
    expect(solveExact(problem, direct.mip, 10, undefined, 'mip')).toMatchObject({ status: 'OPTIMAL', weight: 2 });
    expect(direct.calls).toEqual([{ relaxation: false, variables: 6 }]);
  });
});

describe('modelSize', () => {
  it('bounds the variables of the whole model and of a window, and leaves kept pairs out', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { problem } = parseInstance(require('./testing/table-bound-150.json'));
    const every = new Set(Array.from({ length: problem.slotCount }, (_, s) => s));
    const firstThree = { slots: new Set([0, 1, 2]), kept: [] };
    expect(modelSize(problem)).toBe(timeIndexedModel(problem, Infinity)!.variables.length);
    expect(modelSize(problem, { slots: every, kept: [] })).toBe(modelSize(problem));
    expect(modelSize(problem, firstThree)).toBeGreaterThanOrEqual(timeIndexedModel(problem, Infinity, firstThree)!.variables.length);
    expect(modelSize(problem, firstThree)).toBeLessThan(modelSize(problem) / 2);
    const pair = problem.pairs.findIndex((p) => p.weight > 0 && p.slots.includes(0));
    const withKept = { slots: new Set([0, 1, 2]), kept: [{ pair, slot: problem.pairs[pair].slots.find((s) => s > 2)! }] };
    expect(modelSize(problem, withKept)).toBe(modelSize(problem, firstThree) - problem.pairs[pair].slots.filter((s) => s <= 2).length);
    expect(timeIndexedModel(problem, modelSize(problem, firstThree) - 1, firstThree)).toBeNull();
  });
});
