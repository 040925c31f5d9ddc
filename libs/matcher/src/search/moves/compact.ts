import { assignMinCost } from '../../assignment';
import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { abandon, settle } from '../acceptance';
import { construct } from '../construct';

/**
 * Makes company c's day compact even where partners are busy: its meetings
 * go to the run of consecutive slots where the Hungarian method finds them
 * cheapest, a busy partner's meeting or a full slot costing `bump`; what is
 * bumped is placed again by `construct` while c's meetings stay put. Rolled
 * back if anything is left out, the cost did not change, or the acceptance
 * rule refuses the new cost.
 */
export function compactMove(tt: Timetable, rng: Rng, c: number, temperature: number, bump = 96): boolean {
  const S = tt.slotCount;
  const meetings: number[] = [];
  for (let s = 0; s < S; s++) {
    const m = tt.occupant[c * S + s];
    if (m >= 0) {
      if (tt.meetingFixed[m]) return false;
      meetings.push(m);
    }
  }
  const d = meetings.length;
  if (d < 2) return false;
  const partners = meetings.map((m) => (tt.meetingA[m] === c ? tt.meetingB[m] : tt.meetingA[m]));
  const before = tt.totalCost;
  tt.beginJournal();
  for (const m of meetings) tt.removeAndCost(m);
  let best: { slots: number[]; score: number } | null = null;
  for (let start = 0; start + d <= S; start++) {
    if (tt.problem.slotDay[start] !== tt.problem.slotDay[start + d - 1]) continue;
    const result = assignMinCost(d, d, (i, j) => {
      const m = meetings[i];
      const s = start + j;
      if (!tt.isAllowed(m, s)) return Infinity;
      const other = tt.occupant[partners[i] * S + s];
      if (other >= 0 && tt.meetingFixed[other]) return Infinity;
      let cost = other >= 0 ? bump : tt.costIfAdded(partners[i], s);
      if (!tt.hasRoom(m, s)) cost += bump;
      return cost;
    });
    if (!result) continue;
    const score = result.total + rng.next();
    if (!best || score < best.score) best = { slots: Array.from(result.columnOf, (j) => start + j), score };
  }
  if (!best) return abandon(tt);
  const bumped: number[] = [];
  meetings.forEach((m, i) => {
    const s = best!.slots[i];
    const other = tt.occupant[partners[i] * S + s];
    if (other >= 0) {
      tt.removeAndCost(other);
      bumped.push(other);
    }
    if (!tt.hasRoom(m, s)) {
      const spare = tt.members(s).find((x) => !tt.meetingFixed[x] && (!tt.meetingInterpreter[m] || tt.meetingInterpreter[x] || tt.load[s] >= tt.problem.tableCount));
      if (spare !== undefined) {
        tt.removeAndCost(spare);
        bumped.push(spare);
      }
    }
    if (tt.fits(m, s)) tt.placeAndCost(m, s);
  });
  if (meetings.some((m) => tt.slotOf[m] === -1)) return abandon(tt);
  for (const m of meetings) tt.meetingFixed[m] = true;
  const left = construct(tt, bumped, rng, 6);
  for (const m of meetings) tt.meetingFixed[m] = false;
  // A compaction that changes no cost only shuffles partners (and keeps more companies with gaps in
  // play for this costly move: runs took 25–35 % longer when such were kept), so it is not proposed.
  if (left.length > 0 || tt.totalCost === before) return abandon(tt);
  return settle(tt, before, temperature, rng);
}
