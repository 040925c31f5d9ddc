import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { breaksLowerBound, finishBreaks, MaxSatSolver } from './breaks';
import { checkSchedule, measureSchedule, pairKey } from './evaluate';
import { Instance } from './format';
import { parseInstance } from './parse-instance';
import { solve } from './solve';
import { arbitraryInstance } from './testing/arbitrary-instance';
import { smallForum } from './testing/move-harness';

const meetingSet = (meetings: { a: string; b: string }[]) => meetings.map((m) => pairKey(m.a, m.b)).sort();

describe('breaksLowerBound', () => {
  it('counts the companies that cannot meet back to back even alone', () => {
    // kr1 meets vn1 (only at 9:00) and vn2 (only at 11:00): one break it cannot avoid; vn1 and vn2 have one meeting each.
    const instance = smallForum(3, ['kr1', 'vn1', 'vn2'], [['kr1', 'vn1'], ['kr1', 'vn2']]);
    instance.pairs[0].onlySlots = ['s0'];
    instance.pairs[1].onlySlots = ['s2'];
    const { problem } = parseInstance(instance);
    expect(breaksLowerBound(problem, [0, 1])).toBe(1);
    expect(breaksLowerBound(problem, [0])).toBe(0);
  });

  it('counts no break for meetings on different days (a break is a wait within a day)', () => {
    // c0 meets c1 and c2; each day has one slot: one meeting a day, no wait (this bound once counted c0).
    const instance: Instance = {
      format: 'forum-matcher/v1',
      slots: [
        { id: 'd0', start: '2024-06-10T09:00:00+07:00', end: '2024-06-10T09:30:00+07:00' },
        { id: 'd1', start: '2024-06-11T09:00:00+07:00', end: '2024-06-11T09:30:00+07:00' },
      ],
      tables: [{ id: 'T0' }],
      companies: [{ id: 'c0' }, { id: 'c1' }, { id: 'c2' }],
      pairs: [
        { a: 'c0', b: 'c1', weight: 1 },
        { a: 'c0', b: 'c2', weight: 1 },
      ],
    };
    const { problem } = parseInstance(instance);
    expect(breaksLowerBound(problem, [0, 1])).toBe(0);
    // With three slots on the first day and both meetings held to its first and last: one break c0 cannot avoid.
    instance.slots.splice(1, 0, ...['10', '11'].map((hour) => ({ id: `d0-${hour}`, start: `2024-06-10T${hour}:00:00+07:00`, end: `2024-06-10T${hour}:30:00+07:00` })));
    instance.pairs[0].onlySlots = ['d0'];
    instance.pairs[1].onlySlots = ['d0-11'];
    expect(breaksLowerBound(parseInstance(instance).problem, [0, 1])).toBe(1);
    // The second meeting may also be on the second day: no break needed.
    instance.pairs[1].onlySlots = ['d0-11', 'd1'];
    expect(breaksLowerBound(parseInstance(instance).problem, [0, 1])).toBe(0);
  });
});

describe('solve, minimising breaks, stops at the lower bound', () => {
  /** The highest percentage the improvement phase reported (30 when it starts, 90 when it runs all its iterations). */
  const improveReached = (instance: unknown, seed: number) => {
    let reached = 0;
    const result = solve(instance, { minimize: 'breaks', seed, onProgress: ({ phase, percent }) => void (phase === 'improve' && (reached = Math.max(reached, percent))) });
    return { result, reached };
  };

  it('does not search at all when the first schedule is already at the bound', () => {
    // kr1 meets vn1 only at 9:00 and vn2 only at 11:00: the one break is unavoidable.
    const instance = smallForum(3, ['kr1', 'vn1', 'vn2'], [['kr1', 'vn1'], ['kr1', 'vn2']]);
    instance.pairs[0].onlySlots = ['s0'];
    instance.pairs[1].onlySlots = ['s2'];
    const { result, reached } = improveReached(instance, 1);
    expect(result.stats.breaks).toBe(1);
    expect(reached).toBe(30);
  });

  it('stops a search that reaches the bound (JAIR forumt-14: 5 companies cannot meet back to back)', () => {
    const instance = JSON.parse(readFileSync(join(__dirname, '../../../bench/instances/b2b-jair/forumt-14.json'), 'utf8')) as Instance;
    const { problem } = parseInstance(instance);
    const { result, reached } = improveReached(instance, 1);
    expect(result.stats.breaks).toBe(breaksLowerBound(problem, problem.pairs.map((_, p) => p)));
    expect(reached).toBeGreaterThan(30);
    expect(reached).toBeLessThan(90);
  });
});

describe('solve, minimising breaks, one break above the bound', () => {
  it('tries the hot part of the search again (JAIR forum-13, seed 1: one run leaves 1 break, a retry reaches 0)', () => {
    const instance = JSON.parse(readFileSync(join(__dirname, '../../../bench/instances/b2b-jair/forum-13.json'), 'utf8')) as Instance;
    const { problem } = parseInstance(instance);
    expect(breaksLowerBound(problem, problem.pairs.map((_, p) => p))).toBe(0);
    const result = solve(instance, { minimize: 'breaks', seed: 1 });
    expect(result.stats.breaks).toBe(0);
    expect(checkSchedule(instance, result.schedule)).toEqual([]);
  });
});

describe('finishBreaks with solvers that fail', () => {
  // kr1 meets vn1 and vn2 with a break between (the search left it so after 1 iteration at most).
  const instance: Instance = smallForum(3, ['kr1', 'vn1', 'vn2'], [['kr1', 'vn1'], ['kr1', 'vn2']]);
  const result = solve(instance, { minimize: 'breaks', iterations: 1 });
  const withBreak = {
    ...result,
    schedule: { ...result.schedule, meetings: [{ a: 'kr1', b: 'vn1', slot: 's0', table: 'T1' }, { a: 'kr1', b: 'vn2', slot: 's2', table: 'T1' }] },
    stats: { ...result.stats, breaks: 1, holes: 1 },
  };

  it('keeps the schedule when the solver proves nothing in time', async () => {
    const unknown: MaxSatSolver = { minimize: async () => ({ status: 'UNKNOWN', trueVariables: [] }) };
    const finished = await finishBreaks(instance, withBreak, unknown, { timeLimitMs: 1000 });
    expect(finished.schedule).toEqual(withBreak.schedule);
    expect(finished.finish.breaksStatus).toBe('UNPROVEN');
  });

  it('keeps the schedule when the "solution" breaks a rule (both meetings of kr1 in one slot)', async () => {
    const bogus: MaxSatSolver = { minimize: async () => ({ status: 'OPTIMAL', trueVariables: ['x0_1', 'x1_1'] }) };
    const finished = await finishBreaks(instance, withBreak, bogus, { timeLimitMs: 1000 });
    expect(finished.schedule).toEqual(withBreak.schedule);
    expect(finished.finish.breaksStatus).toBe('UNPROVEN');
  });

  it('keeps the schedule when the "solution" leaves a meeting out', async () => {
    const partial: MaxSatSolver = { minimize: async () => ({ status: 'OPTIMAL', trueVariables: ['x0_0'] }) };
    const finished = await finishBreaks(instance, withBreak, partial, { timeLimitMs: 1000 });
    expect(finished.schedule).toEqual(withBreak.schedule);
    expect(finished.finish.breaksStatus).toBe('UNPROVEN');
  });

  it('takes a proven solution, re-tabled, and "infeasible" as proof that the schedule was optimal', async () => {
    const compact: MaxSatSolver = { minimize: async () => ({ status: 'OPTIMAL', trueVariables: ['x0_0', 'x1_1'] }) };
    const finished = await finishBreaks(instance, withBreak, compact, { timeLimitMs: 1000 });
    expect(checkSchedule(instance, finished.schedule)).toEqual([]);
    expect(finished.stats.breaks).toBe(0);
    expect(finished.finish.breaksStatus).toBe('OPTIMAL');
    const none: MaxSatSolver = { minimize: async () => ({ status: 'INFEASIBLE', trueVariables: [] }) };
    const proven = await finishBreaks(instance, withBreak, none, { timeLimitMs: 1000 });
    expect(proven.schedule).toEqual(withBreak.schedule);
    expect(proven.finish.breaksStatus).toBe('OPTIMAL');
  });

  it('does not call the solver when the breaks are at the lower bound', async () => {
    const never: MaxSatSolver = { minimize: async () => { throw new Error('called'); } };
    const atBound = { ...withBreak, stats: { ...withBreak.stats, breaks: 0 } };
    expect((await finishBreaks(instance, atBound, never, { timeLimitMs: 1000 })).finish.breaksStatus).toBe('AT_LOWER_BOUND');
  });
});

describe('finishBreaks keeps the meetings it is given', () => {
  it('on random forums, with a solver that answers the model it is sent from the initial values', async () => {
    // The "solver" returns the warm start as its optimum: the model's variables must name the result's own placement.
    const echo: MaxSatSolver = {
      minimize: async (smt2, { initial }) => {
        expect(smt2).toContain('assert-soft');
        return { status: 'OPTIMAL', trueVariables: [...initial].filter(([, value]) => value).map(([name]) => name) };
      },
    };
    await fc.assert(
      fc.asyncProperty(arbitraryInstance, async (instance) => {
        const result = solve(instance, { minimize: 'breaks', iterations: 10 });
        const finished = await finishBreaks(instance, result, echo, { timeLimitMs: 1000 });
        expect(checkSchedule(instance, finished.schedule)).toEqual([]);
        expect(meetingSet(finished.schedule.meetings)).toEqual(meetingSet(result.schedule.meetings));
        expect(measureSchedule(instance, finished.schedule).breaks).toBe(finished.stats.breaks);
        expect(finished.stats.breaks).toBeLessThanOrEqual(result.stats.breaks);
      }),
      { numRuns: 150, seed: 6 },
    );
  });
});
