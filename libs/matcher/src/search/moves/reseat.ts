import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { abandon, settle } from '../acceptance';
import { cheapestRun, meetingsOf } from './company-day';

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
  const day = meetingsOf(tt, c);
  if (!day || day.meetings.length === 0) return false;
  const { meetings, partners } = day;
  const before = tt.totalCost;
  tt.beginJournal();
  for (const m of meetings) tt.removeAndCost(m);
  // Only slots where the partner is free and a table is: each partner has one meeting with c, so the costs add up exactly.
  const slots = cheapestRun(
    tt,
    meetings.length,
    (i, s) => (!tt.isAllowed(meetings[i], s) || tt.occupant[partners[i] * S + s] !== -1 || !tt.hasRoom(meetings[i], s) ? Infinity : tt.costIfAdded(partners[i], s)),
    rng,
    0.5,
  );
  if (!slots) return abandon(tt);
  meetings.forEach((m, i) => tt.placeAndCost(m, slots[i]));
  return settle(tt, before, temperature, rng);
}
