import { MipSolver } from './exact';
import { Instance, MATCHER_FORMAT } from './format';
import { parseInstance } from './parse-instance';
import { Problem } from './problem';
import { selectPairs } from './selection';

let highs: MipSolver;
beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highs = await (require('highs') as () => Promise<MipSolver>)();
});

/** A two-sided forum where most pairs need one of few interpreter tables (the budget binds), weights 1–40. */
function forum(seed: number): Instance {
  let state = seed;
  const random = (k: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % k);
  const kr = Array.from({ length: 3 + random(5) }, (_, i) => `kr${i}`);
  const vn = Array.from({ length: 3 + random(5) }, (_, i) => `vn${i}`);
  const pairs = kr.flatMap((a) => vn.filter(() => random(3) > 0).map((b) => ({ a, b, weight: 1 + random(40), needsInterpreter: random(10) < 7 })));
  const slotCount = 2 + random(3);
  return {
    format: MATCHER_FORMAT,
    slots: Array.from({ length: slotCount }, (_, k) => ({ id: `s${k}`, start: `2024-06-10T0${k}:00:00Z`, end: `2024-06-10T0${k}:30:00Z` })),
    tables: [{ id: 'T0', interpreter: true }, ...Array.from({ length: 1 + random(3) }, (_, k) => ({ id: `T${k + 1}` }))],
    companies: [...kr.map((id) => ({ id, side: 'KR' })), ...vn.map((id) => ({ id, side: 'VN' }))],
    pairs,
  };
}

/** The selection's LP relaxation with the interpreter budget as a constraint (HiGHS). */
function lpOptimum(problem: Problem): number {
  const x = (i: number) => `x${i}`;
  const usable = problem.pairs.map((pair, i) => ({ ...pair, i })).filter((pair) => pair.slots.length > 0 && pair.weight > 0);
  const rows: string[] = [];
  for (let c = 0; c < problem.companyCount; c++) {
    const own = usable.filter((pair) => pair.a === c || pair.b === c);
    if (own.length > 0) rows.push(`c${c}: ${own.map((pair) => x(pair.i)).join(' + ')} <= ${problem.companyCapacity[c]}`);
  }
  rows.push(`tables: ${usable.map((pair) => x(pair.i)).join(' + ')} <= ${problem.slotCount * problem.tableCount}`);
  const needy = usable.filter((pair) => pair.needsInterpreter);
  if (needy.length > 0) rows.push(`interpreters: ${needy.map((pair) => x(pair.i)).join(' + ')} <= ${problem.slotCount * problem.interpreterTableCount}`);
  const lp = [
    'Maximize',
    ` obj: ${usable.map((pair) => `${pair.weight} ${x(pair.i)}`).join(' + ')}`,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...usable.map((pair) => ` 0 <= ${x(pair.i)} <= 1`),
    'End',
  ].join('\n');
  return highs.solve(lp, {}).ObjectiveValue;
}

describe('selectPairs', () => {
  it("bounds two-sided forums by the LP optimum itself when the interpreter budget binds (Lagrange's dual at its minimum)", () => {
    let binding = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { problem } = parseInstance(forum(seed));
      const needy = problem.pairs.filter((pair) => pair.needsInterpreter).length;
      if (needy > problem.slotCount * problem.interpreterTableCount) binding++;
      const { upperBound } = selectPairs(problem);
      expect([seed, upperBound]).toEqual([seed, expect.closeTo(lpOptimum(problem), 6)]);
    }
    expect(binding).toBeGreaterThan(20);
  });
});
