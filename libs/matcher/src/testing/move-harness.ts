import fc from 'fast-check';
import { Instance } from '../format';
import { parseInstance } from '../parse-instance';
import { Rng } from '../rng';
import { construct } from '../search/construct';
import { GapObjective, Timetable } from '../timetable';
import { arbitraryInstance } from './arbitrary-instance';

/** A timetable of the instance: fixed meetings in place, then every other pair placed where `construct` can. */
export function placedTimetable(instance: Instance, seed = 1, objective: GapObjective = 'holes'): { tt: Timetable; rng: Rng } {
  const { problem } = parseInstance(instance);
  const tt = new Timetable(problem, objective);
  const rng = new Rng(seed);
  const fixedPairs = new Set<number>();
  for (const f of problem.fixed) {
    tt.place(tt.addMeeting(f.pair, true), f.slot);
    fixedPairs.add(f.pair);
  }
  const others: number[] = [];
  // Within each company's limit, as the selection would choose them.
  const chosen = Int32Array.from(problem.companyCapacity);
  for (const f of problem.fixed) {
    chosen[problem.pairs[f.pair].a]--;
    chosen[problem.pairs[f.pair].b]--;
  }
  problem.pairs.forEach((pair, i) => {
    if (fixedPairs.has(i) || pair.fixedOnly || pair.slots.length === 0 || chosen[pair.a] <= 0 || chosen[pair.b] <= 0) return;
    chosen[pair.a]--;
    chosen[pair.b]--;
    others.push(tt.addMeeting(i, false));
  });
  tt.refreshAllCosts();
  construct(tt, others, rng);
  return { tt, rng };
}

/** Every rule and every running total of the timetable, recomputed from `slotOf`; [] when all hold. */
export function inconsistencies(tt: Timetable): string[] {
  const problems: string[] = [];
  const { problem } = tt;
  const S = tt.slotCount;
  const load = new Int32Array(S);
  const interpreterLoad = new Int32Array(S);
  const meetings = new Int32Array(problem.companyCount);
  const seen = new Map<string, number>();
  for (let m = 0; m < tt.meetingCount; m++) {
    const s = tt.slotOf[m];
    if (s === -1) {
      if (tt.meetingFixed[m]) problems.push(`fixed meeting ${m} unplaced`);
      continue;
    }
    if (!tt.isAllowed(m, s)) problems.push(`meeting ${m} in a slot it may not use (${s})`);
    for (const c of [tt.meetingA[m], tt.meetingB[m]]) {
      const key = `${c}/${s}`;
      if (seen.has(key)) problems.push(`company ${c} twice in slot ${s}`);
      seen.set(key, m);
      if (tt.occupant[c * S + s] !== m) problems.push(`occupant of company ${c} in slot ${s} is not ${m}`);
      meetings[c]++;
    }
    load[s]++;
    if (tt.meetingInterpreter[m]) interpreterLoad[s]++;
  }
  for (let s = 0; s < S; s++) {
    if (load[s] !== tt.load[s] || load[s] > problem.tableCount) problems.push(`slot ${s}: load ${tt.load[s]}, counted ${load[s]}, tables ${problem.tableCount}`);
    if (interpreterLoad[s] !== tt.interpreterLoad[s] || interpreterLoad[s] > tt.interpreterCapacity[s]) problems.push(`slot ${s}: interpreter load`);
    if (tt.members(s).length !== load[s]) problems.push(`slot ${s}: members`);
  }
  let total = 0;
  for (let c = 0; c < problem.companyCount; c++) {
    if (meetings[c] !== tt.companyMeetings[c] || meetings[c] > problem.companyCapacity[c]) problems.push(`company ${c}: meetings`);
    for (let s = 0; s < S; s++) {
      const m = tt.occupant[c * S + s];
      if (m !== -1 && tt.slotOf[m] !== s) problems.push(`company ${c}: stale occupant in slot ${s}`);
    }
    if (tt.cost(c) !== tt.companyCost[c]) problems.push(`company ${c}: cost ${tt.companyCost[c]}, recomputed ${tt.cost(c)}`);
    total += tt.cost(c);
  }
  if (total !== tt.totalCost) problems.push(`total cost ${tt.totalCost}, recomputed ${total}`);
  return problems;
}

/** A move as the search calls it: on a timetable, with the search's Rng, at a temperature; returns whether it was kept. */
export type MoveUnderTest = (tt: Timetable, rng: Rng, temperature: number) => boolean;

/**
 * The contract every move keeps, on random forums: every rule and total
 * holds after each call; a move not kept leaves the timetable exactly as it
 * was; at temperature 0 a kept move never raises the gap cost. Returns how
 * many calls were kept (so a test can check the move does something).
 */
export function checkMoveContract(move: MoveUnderTest, runs = 150): number {
  let kept = 0;
  fc.assert(
    fc.property(arbitraryInstance, fc.integer({ min: 1, max: 1000 }), fc.constantFrom<GapObjective>('holes', 'breaks'), (instance, seed, objective) => {
      const { tt, rng } = placedTimetable(instance, seed, objective);
      for (let call = 0; call < 40; call++) {
        const temperature = call % 2 === 0 ? 0 : 20;
        const before = tt.slotOf.slice();
        const cost = tt.totalCost;
        const wasKept = move(tt, rng, temperature);
        expect(inconsistencies(tt)).toEqual([]);
        if (wasKept) {
          kept++;
          if (temperature === 0) expect(tt.totalCost).toBeLessThanOrEqual(cost);
        } else {
          expect(tt.slotOf).toEqual(before);
          expect(tt.totalCost).toBe(cost);
        }
      }
    }),
    { numRuns: runs, seed: 5 },
  );
  return kept;
}

/** A one-day, two-sided forum of `slots` slots and `tables` plain tables, for hand-made move tests. */
export function smallForum(slots: number, companies: string[], pairs: Array<[string, string]>, tables = 4): Instance {
  return {
    format: 'forum-matcher/v1',
    slots: Array.from({ length: slots }, (_, k) => ({
      id: `s${k}`,
      start: `2024-06-10T${String(9 + k).padStart(2, '0')}:00:00+07:00`,
      end: `2024-06-10T${String(9 + k).padStart(2, '0')}:30:00+07:00`,
    })),
    tables: Array.from({ length: tables }, (_, t) => ({ id: `T${t + 1}` })),
    companies: companies.map((id) => ({ id })),
    pairs: pairs.map(([a, b]) => ({ a, b, weight: 1 })),
  };
}

/** The instance's pairs as meetings, the i-th placed in slot `slots[i]` (-1: unplaced). */
export function timetableWith(instance: Instance, slots: number[], objective: GapObjective = 'holes'): Timetable {
  const { problem } = parseInstance(instance);
  const tt = new Timetable(problem, objective);
  problem.pairs.forEach((_, i) => {
    const m = tt.addMeeting(i, false);
    if (slots[i] !== -1) tt.place(m, slots[i]);
  });
  tt.refreshAllCosts();
  return tt;
}
