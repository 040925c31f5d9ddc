import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { abandon, settle } from '../acceptance';
import { construct } from '../construct';

/**
 * A small large-neighbourhood move: lifts every meeting of company c and of
 * `partners` of its partners (chosen at random), and puts them back hardest
 * first (`construct`). Rolled back if any is left out or the acceptance rule
 * refuses the new cost.
 */
export function lnsMove(tt: Timetable, rng: Rng, c: number, temperature: number, partners = 2): boolean {
  const S = tt.slotCount;
  const before = tt.totalCost;
  tt.beginJournal();
  const lifted: number[] = [];
  const liftCompany = (x: number) => {
    for (let s = 0; s < S; s++) {
      const m = tt.occupant[x * S + s];
      if (m >= 0 && !tt.meetingFixed[m]) {
        lifted.push(m);
        tt.removeAndCost(m);
      }
    }
  };
  liftCompany(c);
  const partnersOfC = lifted.map((m) => (tt.meetingA[m] === c ? tt.meetingB[m] : tt.meetingA[m]));
  for (let k = 0; k < partners && partnersOfC.length; k++) liftCompany(partnersOfC[rng.int(partnersOfC.length)]);
  const left = construct(tt, rng.shuffle(lifted.slice()), rng, 4);
  if (left.length > 0) return abandon(tt);
  return settle(tt, before, temperature, rng);
}
