import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { abandon, settle } from '../acceptance';
import { construct } from '../construct';
import { cheapestRun, meetingsOf } from './company-day';

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
  const day = meetingsOf(tt, c);
  if (!day || day.meetings.length < 2) return false;
  const { meetings, partners } = day;
  const before = tt.totalCost;
  tt.beginJournal();
  for (const m of meetings) tt.removeAndCost(m);
  // A partner busy there, or a full slot, costs `bump` (what is in the way is re-placed below).
  const slots = cheapestRun(
    tt,
    meetings.length,
    (i, s) => {
      const m = meetings[i];
      if (!tt.isAllowed(m, s)) return Infinity;
      const other = tt.occupant[partners[i] * S + s];
      if (other >= 0 && tt.meetingFixed[other]) return Infinity;
      return (other >= 0 ? bump : tt.costIfAdded(partners[i], s)) + (tt.hasRoom(m, s) ? 0 : bump);
    },
    rng,
    1,
  );
  if (!slots) return abandon(tt);
  const bumped: number[] = [];
  meetings.forEach((m, i) => {
    const s = slots[i];
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
