import fc from 'fast-check';
import { checkSchedule, measureSchedule, pairKey } from './evaluate';
import { Instance } from './format';
import { greedySchedule } from './greedy';
import { solve } from './solve';
import { arbitraryInstance } from './testing/arbitrary-instance';

const FAST = { iterations: 3000 };

describe('solve: properties on random forums', () => {
  it('every schedule obeys every rule of the format, keeps the fixed meetings and stays within the bound', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 0, max: 1000 }), (instance, seed) => {
        const { schedule, stats } = solve(instance, { seed, ...FAST });
        expect(checkSchedule(instance, schedule)).toEqual([]);
        const measured = measureSchedule(instance, schedule);
        expect(measured.weight).toBeCloseTo(stats.weight, 6);
        expect(measured.holes).toBe(stats.holes);
        expect(measured.breaks).toBe(stats.breaks);
        expect(stats.weight).toBeLessThanOrEqual(stats.upperBound + 1e-6);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('is reproducible: the same seed gives the same schedule', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 0, max: 1000 }), (instance, seed) => {
        expect(solve(instance, { seed, ...FAST }).schedule).toEqual(solve(instance, { seed, ...FAST }).schedule);
      }),
      { numRuns: 100, seed: 2 },
    );
  });

  it('never does worse than first-come-first-served on weight', () => {
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const ours = solve(instance, FAST).stats.weight;
        const greedy = measureSchedule(instance, greedySchedule(instance)).weight;
        expect(ours).toBeGreaterThanOrEqual(greedy - 1e-6);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('first-come-first-served also obeys every rule (it is the benchmark baseline)', () => {
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        expect(checkSchedule(instance, greedySchedule(instance))).toEqual([]);
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});

describe('solve: hand-made forums with known optima', () => {
  const slots = (n: number, day = '2024-06-10') =>
    Array.from({ length: n }, (_, k) => ({
      id: `s${k}`,
      start: `${day}T${String(9 + k).padStart(2, '0')}:00:00+07:00`,
      end: `${day}T${String(9 + k).padStart(2, '0')}:30:00+07:00`,
    }));
  const base = (overrides: Partial<Instance>): Instance => ({
    format: 'forum-matcher/v1',
    slots: slots(2),
    tables: [{ id: 'T1' }, { id: 'T2' }],
    companies: [
      { id: 'kr1', side: 'KR' },
      { id: 'kr2', side: 'KR' },
      { id: 'vn1', side: 'VN' },
      { id: 'vn2', side: 'VN' },
    ],
    pairs: [],
    ...overrides,
  });

  it('schedules all four meetings of two Korean and two Vietnamese firms in two slots', () => {
    const instance = base({
      pairs: [
        { a: 'kr1', b: 'vn1', weight: 1 },
        { a: 'kr1', b: 'vn2', weight: 1 },
        { a: 'kr2', b: 'vn1', weight: 1 },
        { a: 'kr2', b: 'vn2', weight: 1 },
      ],
    });
    const { stats } = solve(instance);
    expect(stats).toMatchObject({ meetings: 4, weight: 4, upperBound: 4, gap: 0, holes: 0 });
  });

  it('with one table, keeps the heaviest meetings the slots can hold', () => {
    const instance = base({
      tables: [{ id: 'T1' }],
      pairs: [
        { a: 'kr1', b: 'vn1', weight: 5 },
        { a: 'kr2', b: 'vn2', weight: 3 },
        { a: 'kr1', b: 'vn2', weight: 1 },
      ],
    });
    const { schedule, stats } = solve(instance);
    expect(stats.weight).toBe(8);
    expect(stats.upperBound).toBe(8);
    expect(schedule.meetings.map((m) => pairKey(m.a, m.b)).sort()).toEqual(
      [pairKey('kr1', 'vn1'), pairKey('kr2', 'vn2')].sort(),
    );
  });

  it('puts meetings that need an interpreter at interpreter tables, and no more of them than there are', () => {
    const instance = base({
      slots: slots(1),
      tables: [{ id: 'plain' }, { id: 'interp', interpreter: true }],
      pairs: [
        { a: 'kr1', b: 'vn1', weight: 4, needsInterpreter: true },
        { a: 'kr2', b: 'vn2', weight: 9, needsInterpreter: true },
      ],
    });
    const { schedule, stats } = solve(instance);
    expect(schedule.meetings).toEqual([{ a: 'kr2', b: 'vn2', slot: 's0', table: 'interp' }]);
    expect(stats.upperBound).toBe(9);
  });

  it('closes holes: three meetings of one firm in four slots come back to back', () => {
    const instance = base({
      slots: slots(4),
      companies: [{ id: 'kr1', side: 'KR' }, ...['vn1', 'vn2', 'vn3'].map((id) => ({ id, side: 'VN' }))],
      pairs: ['vn1', 'vn2', 'vn3'].map((b) => ({ a: 'kr1', b, weight: 1 })),
    });
    const { stats } = solve(instance);
    expect(stats).toMatchObject({ meetings: 3, holes: 0, breaks: 0 });
  });

  it('respects unavailability, onlySlots and maxMeetings', () => {
    const instance = base({
      slots: slots(3),
      companies: [
        { id: 'kr1', side: 'KR', maxMeetings: 1 },
        { id: 'kr2', side: 'KR', unavailable: ['s0', 's1'] },
        { id: 'vn1', side: 'VN' },
        { id: 'vn2', side: 'VN' },
      ],
      pairs: [
        { a: 'kr1', b: 'vn1', weight: 2 },
        { a: 'kr1', b: 'vn2', weight: 3, onlySlots: ['s1'] },
        { a: 'kr2', b: 'vn1', weight: 1 },
        { a: 'kr2', b: 'vn2', weight: 1 },
      ],
    });
    const { schedule, stats } = solve(instance);
    expect(checkSchedule(instance, schedule)).toEqual([]);
    // kr1 meets once (its heavier pair, in s1); kr2 only in s2, so only one of its pairs.
    expect(stats.weight).toBe(4);
    expect(schedule.meetings).toEqual(expect.arrayContaining([{ a: 'kr1', b: 'vn2', slot: 's1', table: expect.any(String) }]));
    expect(schedule.meetings.filter((m) => m.a === 'kr2').every((m) => m.slot === 's2')).toBe(true);
  });

  it('incremental: a published schedule passed as fixed stays exactly as it was, late pairs fill around it', () => {
    const instance = base({
      slots: slots(3),
      pairs: [
        { a: 'kr1', b: 'vn1', weight: 1 },
        { a: 'kr2', b: 'vn2', weight: 1 },
        { a: 'kr1', b: 'vn2', weight: 5 },
      ],
      fixed: [
        { a: 'kr1', b: 'vn1', slot: 's2', table: 'T2' },
        { a: 'kr2', b: 'vn2', slot: 's0', table: 'T1' },
      ],
    });
    const { schedule, stats } = solve(instance);
    expect(schedule.meetings).toEqual(
      expect.arrayContaining([
        { a: 'kr1', b: 'vn1', slot: 's2', table: 'T2' },
        { a: 'kr2', b: 'vn2', slot: 's0', table: 'T1' },
      ]),
    );
    // The late pair goes next to kr1's fixed meeting, where neither firm gets a hole.
    expect(schedule.meetings).toContainEqual({ a: 'kr1', b: 'vn2', slot: 's1', table: expect.any(String) });
    expect(stats).toMatchObject({ weight: 7, holes: 0 });
  });

  it('reports progress through every phase up to 100 %, and stops when told to', () => {
    const instance = base({ pairs: [{ a: 'kr1', b: 'vn1', weight: 1 }] });
    const seen: string[] = [];
    solve(instance, { onProgress: ({ phase, percent }) => void seen.push(`${phase}:${percent}`) });
    expect(seen[0]).toBe('validate:0');
    expect(seen.at(-1)).toBe('finish:100');
    expect(new Set(seen.map((s) => s.split(':')[0]))).toEqual(new Set(['validate', 'bound', 'place', 'improve', 'finish']));
    const cancelled = solve(instance, { onProgress: ({ phase }) => phase !== 'place' });
    expect(cancelled.stats.cancelled).toBe(true);
  });
});

describe('solve: optimal weight on tiny forums (checked by brute force)', () => {
  /** The best weight any valid schedule reaches, by trying every slot (or none) for every pair. */
  function bruteForceWeight(instance: Instance): number {
    const pairs = instance.pairs;
    let best = 0;
    const meetings: Instance['fixed'] = [];
    const tryPair = (i: number, weight: number) => {
      if (i === pairs.length) {
        const schedule = { format: 'forum-matcher/v1' as const, meetings: assignTables(instance, meetings), objective: 0 };
        if (schedule.meetings && checkSchedule(instance, schedule).length === 0) best = Math.max(best, weight);
        return;
      }
      tryPair(i + 1, weight);
      for (const slot of instance.slots) {
        meetings.push({ a: pairs[i].a, b: pairs[i].b, slot: slot.id });
        tryPair(i + 1, weight + pairs[i].weight);
        meetings.pop();
      }
    };
    tryPair(0, 0);
    return best;
  }

  /** Interpreter meetings to interpreter tables first; [] marks "does not fit". */
  function assignTables(instance: Instance, meetings: NonNullable<Instance['fixed']>) {
    const result: { a: string; b: string; slot: string; table: string }[] = [];
    const needs = new Map(instance.pairs.map((p) => [pairKey(p.a, p.b), p.needsInterpreter === true]));
    for (const slot of instance.slots) {
      const here = meetings.filter((m) => m.slot === slot.id);
      const interpreterTables = instance.tables.filter((t) => t.interpreter).map((t) => t.id);
      const plainTables = instance.tables.filter((t) => !t.interpreter).map((t) => t.id);
      const needy = here.filter((m) => needs.get(pairKey(m.a, m.b)));
      const others = here.filter((m) => !needs.get(pairKey(m.a, m.b)));
      if (needy.length > interpreterTables.length || here.length > instance.tables.length) return [{ a: 'x', b: 'x', slot: 'none', table: 'none' }];
      const free = [...interpreterTables.slice(needy.length), ...plainTables];
      needy.forEach((m, i) => result.push({ ...m, table: interpreterTables[i] }));
      others.forEach((m, i) => result.push({ ...m, table: free[i] }));
    }
    return result;
  }

  it('finds the optimal weight on nearly every tiny forum, and is never far from it', () => {
    const tiny = arbitraryInstance.filter(
      (instance) => instance.pairs.length <= 6 && instance.slots.length <= 3 && (instance.fixed ?? []).length === 0,
    );
    const ratios: number[] = [];
    fc.assert(
      fc.property(tiny, (instance) => {
        const optimum = bruteForceWeight(instance);
        const { stats } = solve(instance, { iterations: 2000 });
        expect(stats.weight).toBeLessThanOrEqual(optimum);
        expect(stats.upperBound).toBeGreaterThanOrEqual(optimum - 1e-6);
        ratios.push(optimum === 0 ? 1 : stats.weight / optimum);
      }),
      { numRuns: 300, seed: 20241124 },
    );
    const exact = ratios.filter((ratio) => ratio === 1).length / ratios.length;
    expect(exact).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.85);
  });
});
