import { assignMinCost } from '../../assignment';
import { Rng } from '../../rng';
import { Timetable } from '../../timetable';

/** Company c's meetings in slot order and each one's partner; null when one of them is fixed (its day cannot move). */
export function meetingsOf(tt: Timetable, c: number): { meetings: number[]; partners: number[] } | null {
  const S = tt.slotCount;
  const meetings: number[] = [];
  for (let s = 0; s < S; s++) {
    const m = tt.occupant[c * S + s];
    if (m >= 0) {
      if (tt.meetingFixed[m]) return null;
      meetings.push(m);
    }
  }
  return { meetings, partners: meetings.map((m) => (tt.meetingA[m] === c ? tt.meetingB[m] : tt.meetingA[m])) };
}

/**
 * The cheapest run of `count` consecutive slots of one day for `count`
 * meetings: in each run the Hungarian method gives meeting i its slot at
 * `cost(i, slot)`; each run's total gets a random tie-break below `noise`.
 * Returns each meeting's slot, or null when no run can hold them.
 */
export function cheapestRun(tt: Timetable, count: number, cost: (i: number, slot: number) => number, rng: Rng, noise: number): number[] | null {
  const S = tt.slotCount;
  // Each meeting's cost in each slot, asked once: the runs overlap, and the Hungarian method reads each cell many times.
  const costs = new Float64Array(count * S);
  for (let i = 0; i < count; i++) for (let s = 0; s < S; s++) costs[i * S + s] = cost(i, s);
  let best: { slots: number[]; score: number } | null = null;
  for (let start = 0; start + count <= S; start++) {
    if (tt.problem.slotDay[start] !== tt.problem.slotDay[start + count - 1]) continue;
    const result = assignMinCost(count, count, (i, j) => costs[i * S + start + j]);
    if (!result) continue;
    const score = result.total + rng.next() * noise;
    if (!best || score < best.score) best = { slots: Array.from(result.columnOf, (j) => start + j), score };
  }
  return best?.slots ?? null;
}
