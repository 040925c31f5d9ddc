import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { breaksBound, breaksRelaxationBound, companiesThatMustBreak, Instance, MipSolver, parseInstance, Problem, solve } from '@forum/matcher';
import { arbitraryInstance } from '../../matcher/src/testing/arbitrary-instance';
import { loadMipSolver } from './mip-solver';

const jair = (name: string) => parseInstance(JSON.parse(readFileSync(join(__dirname, `../../../bench/instances/b2b-jair/${name}.json`), 'utf8')) as Instance).problem;
const allPairs = (problem: Problem) => problem.pairs.map((_, p) => p);

/**
 * The fewest breaks of any schedule of these meetings, by trying every one: each meeting in one of its slots (fixed
 * meetings in theirs), a company once per slot, each slot within its tables and interpreter tables.
 */
function fewestBreaks(problem: Problem, pairs: readonly number[]): number {
  const S = problem.slotCount;
  const fixedSlot = new Map(problem.fixed.map((f) => [f.pair, f.slot]));
  const busy = new Uint8Array(problem.companyCount * S);
  const inSlot = new Int32Array(S);
  const interpretedInSlot = new Int32Array(S);
  let fewest = Infinity;
  const breaksNow = () => {
    let breaks = 0;
    for (let c = 0; c < problem.companyCount; c++) {
      let runs = 0;
      for (let s = 0; s < S; s++) {
        const newDay = s === 0 || problem.slotDay[s] !== problem.slotDay[s - 1];
        if (newDay && runs > 0) {
          breaks += runs - 1;
          runs = 0;
        }
        if (busy[c * S + s] && (newDay || !busy[c * S + s - 1])) runs++;
      }
      if (runs > 0) breaks += runs - 1;
    }
    return breaks;
  };
  const place = (i: number) => {
    if (i === pairs.length) {
      fewest = Math.min(fewest, breaksNow());
      return;
    }
    const { a, b, slots, needsInterpreter } = problem.pairs[pairs[i]];
    const fixed = fixedSlot.get(pairs[i]);
    for (const s of fixed !== undefined ? [fixed] : slots) {
      if (busy[a * S + s] || busy[b * S + s] || inSlot[s] >= problem.tableCount) continue;
      if (needsInterpreter && interpretedInSlot[s] >= problem.interpreterTableCount) continue;
      busy[a * S + s] = busy[b * S + s] = 1;
      inSlot[s]++;
      if (needsInterpreter) interpretedInSlot[s]++;
      place(i + 1);
      busy[a * S + s] = busy[b * S + s] = 0;
      inSlot[s]--;
      if (needsInterpreter) interpretedInSlot[s]--;
    }
  };
  place(0);
  return fewest;
}

describe('the breaks relaxation (HiGHS)', () => {
  let mip: MipSolver;

  beforeAll(async () => {
    mip = await loadMipSolver();
  });

  it('never bounds above the fewest breaks of any schedule of the meetings (random forums, every schedule tried)', () => {
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const meetings = solve(instance, { seed: 1, iterations: 200 }).schedule.meetings;
        fc.pre(meetings.length >= 2 && meetings.length <= 7);
        const { problem } = parseInstance(instance);
        const pairOf = new Map(problem.pairs.map((pair, p) => [`${problem.companyIds[pair.a]} ${problem.companyIds[pair.b]}`, p]));
        const pairs = meetings.map((m) => pairOf.get(`${m.a} ${m.b}`) ?? pairOf.get(`${m.b} ${m.a}`)!);
        const fewest = fewestBreaks(problem, pairs);
        const mustBreak = companiesThatMustBreak(problem, pairs);
        for (const formulation of ['runs', 'intervals'] as const) {
          const relaxed = breaksRelaxationBound(problem, pairs, mustBreak, mip, { formulation, timeLimitSeconds: 10 });
          expect(relaxed.solved).toBe(true);
          expect(relaxed.bound).toBeLessThanOrEqual(fewest);
          // Asked whether `fewest` breaks are possible, it never says no.
          expect(breaksRelaxationBound(problem, pairs, mustBreak, mip, { formulation, timeLimitSeconds: 10, atMost: fewest }).bound).toBe(0);
        }
        expect(breaksBound(problem, pairs, mip)).toBeLessThanOrEqual(fewest);
      }),
      { numRuns: 60 },
    );
  });

  it('proves the optimum of JAIR tic-13crafc (4 breaks; companies alone prove 0) by runs', () => {
    const problem = jair('tic-13crafc');
    const mustBreak = companiesThatMustBreak(problem, allPairs(problem));
    expect(mustBreak.size).toBe(0);
    expect(breaksRelaxationBound(problem, allPairs(problem), mustBreak, mip, { formulation: 'runs', timeLimitSeconds: 30 })).toEqual({ bound: 4, solved: true });
  });

  it('proves the optimum of JAIR forumt-14crafe (5 breaks; companies alone prove 4) by intervals: no relaxed schedule has 4', () => {
    const problem = jair('forumt-14crafe');
    const mustBreak = companiesThatMustBreak(problem, allPairs(problem));
    expect(mustBreak.size).toBe(4);
    const atFour = breaksRelaxationBound(problem, allPairs(problem), mustBreak, mip, { formulation: 'intervals', timeLimitSeconds: 30, atMost: 4 });
    expect(atFour).toEqual({ bound: 5, solved: true });
  });

  it('is not asked where tables are far from all taken (JAIR forum-13: 52 % of table-slots)', () => {
    const problem = jair('forum-13');
    const never: MipSolver = { solve: () => { throw new Error('called'); }, solveArrays: () => { throw new Error('called'); } };
    expect(breaksBound(problem, allPairs(problem), never)).toBe(0);
  });
});
