import { assignMinCost } from '../../assignment';
import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { abandon, settle } from '../acceptance';

/**
 * Re-seats every meeting of company c at once: for each run of consecutive
 * slots of a day as long as c has meetings (no hole for c), the partners'
 * extra gap cost of each meeting in each slot is a cost matrix (each partner
 * has exactly one meeting with c, so it is exact), solved by the Hungarian
 * method. The cheapest run is kept by the acceptance rule, rolled back
 * otherwise. Returns whether it was kept.
 */
export function reseatMove(tt: Timetable, rng: Rng, c: number, temperature: number): boolean {
  const S = tt.slotCount;
  const row = c * S;
  const meetings: number[] = [];
  for (let s = 0; s < S; s++) {
    const m = tt.occupant[row + s];
    if (m >= 0) {
      if (tt.meetingFixed[m]) return false;
      meetings.push(m);
    }
  }
  const d = meetings.length;
  if (d === 0) return false;
  const partners = meetings.map((m) => (tt.meetingA[m] === c ? tt.meetingB[m] : tt.meetingA[m]));
  const before = tt.totalCost;
  tt.beginJournal();
  for (const m of meetings) tt.removeAndCost(m);

  let best: { slots: number[]; score: number } | null = null;
  for (let start = 0; start + d <= S; start++) {
    const end = start + d - 1;
    if (tt.problem.slotDay[start] !== tt.problem.slotDay[end]) continue;
    const result = assignMinCost(d, d, (i, j) => {
      const m = meetings[i];
      const s = start + j;
      if (!tt.isAllowed(m, s) || tt.occupant[partners[i] * S + s] !== -1 || !tt.hasRoom(m, s)) return Infinity;
      return tt.costIfAdded(partners[i], s);
    });
    if (!result) continue;
    const score = result.total + rng.next() * 0.5;
    if (!best || score < best.score) best = { slots: Array.from(result.columnOf, (j) => start + j), score };
  }

  if (!best) return abandon(tt);
  meetings.forEach((m, i) => tt.placeAndCost(m, best!.slots[i]));
  return settle(tt, before, temperature, rng);
}
