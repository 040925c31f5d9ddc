import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { abandon, settle } from '../acceptance';

/**
 * The ejection-chain move: m moves to `target`; a meeting that clashes there
 * (one company in common) is lifted and sent to its best free slot, or, when
 * it has none, to a random slot of its own where it lifts the next one — at
 * most `depth` times. Kept by the acceptance rule, rolled back otherwise
 * (also when two meetings are in the way, a fixed one is, or a slot is full).
 */
export function ejectionMove(tt: Timetable, rng: Rng, m: number, target: number, temperature: number, depth = 3): boolean {
  if (target === tt.slotOf[m] || !tt.isAllowed(m, target)) return false;
  const S = tt.slotCount;
  const before = tt.totalCost;
  tt.beginJournal();
  let current = m;
  let currentFrom = tt.slotOf[m];
  let slot = target;
  tt.removeAndCost(current);
  for (let step = 0; ; step++) {
    let blocker = -1;
    let blockers = 0;
    for (const c of [tt.meetingA[current], tt.meetingB[current]]) {
      const y = tt.occupant[c * S + slot];
      if (y >= 0 && y !== blocker) {
        blocker = y;
        blockers++;
      }
    }
    if (blockers > 1 || (blocker >= 0 && tt.meetingFixed[blocker])) return abandon(tt);
    const blockerFrom = blocker >= 0 ? tt.slotOf[blocker] : -1;
    if (blocker >= 0) tt.removeAndCost(blocker);
    if (!tt.hasRoom(current, slot)) return abandon(tt);
    tt.placeAndCost(current, slot);
    if (blocker < 0) break;
    if (step >= depth) return abandon(tt);
    current = blocker;
    currentFrom = blockerFrom;
    const free = tt.bestFreeSlot(current, rng);
    if (free !== -1) {
      tt.placeAndCost(current, free);
      break;
    }
    const options = tt.meetingSlots[current];
    slot = options[rng.int(options.length)];
    if (slot === currentFrom) return abandon(tt);
  }
  return settle(tt, before, temperature, rng);
}
