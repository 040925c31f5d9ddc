import { Rng } from '../rng';
import { Timetable } from '../timetable';

/**
 * Places every meeting it can: each goes to its best free slot; when none is
 * free, it takes the slot with the fewest and lightest blockers and the
 * blockers are queued to be placed again (an ejection chain, which follows
 * the alternating paths of König's edge-colouring argument). A meeting ejected
 * too often, or that could only go where fixed meetings are, stays unplaced.
 * Returns the meetings left unplaced.
 */
export function construct(timetable: Timetable, order: number[], rng: Rng, maxEjections = 12): number[] {
  const tt = timetable;
  const S = tt.slotCount;
  const ejections = new Int32Array(tt.meetingCount);
  const ejectedFrom = new Int32Array(tt.meetingCount).fill(-1);
  const unplaced: number[] = [];
  const queue: number[] = [];
  let budget = 20 * order.length + 1000;

  for (const first of order) {
    queue.push(first);
    while (queue.length) {
      const m = queue.pop()!;
      const direct = tt.bestFreeSlot(m, rng);
      if (direct !== -1) {
        tt.placeAndCost(m, direct);
        continue;
      }
      if (relocateBlockers(tt, m, rng)) continue;
      if (ejections[m] >= maxEjections || budget-- <= 0) {
        unplaced.push(m);
        continue;
      }
      // Pick the slot whose blockers cost least to move.
      let bestSlot = -1;
      let bestBlockers: number[] = [];
      let bestScore = Infinity;
      for (const s of tt.meetingSlots[m]) {
        if (s === ejectedFrom[m]) continue;
        const blockers: number[] = [];
        let blocked = false;
        for (const c of [tt.meetingA[m], tt.meetingB[m]]) {
          const other = tt.occupant[c * S + s];
          if (other >= 0 && !blockers.includes(other)) {
            if (tt.meetingFixed[other]) blocked = true;
            blockers.push(other);
          }
        }
        if (blocked) continue;
        const freedLoad = blockers.length;
        const freedInterpreter = blockers.filter((b) => tt.meetingInterpreter[b]).length;
        const full =
          tt.load[s] - freedLoad >= tt.problem.tableCount ||
          (tt.meetingInterpreter[m] && tt.interpreterLoad[s] - freedInterpreter >= tt.interpreterCapacity[s]);
        if (full) {
          // Make room by ejecting one more meeting of that slot; an interpreter
          // meeting when interpreter tables are what is short (it frees a table too).
          const interpreterShort =
            tt.meetingInterpreter[m] && tt.interpreterLoad[s] - freedInterpreter >= tt.interpreterCapacity[s];
          const members = tt.members(s).filter(
            (x) => !tt.meetingFixed[x] && !blockers.includes(x) && (!interpreterShort || tt.meetingInterpreter[x]),
          );
          if (members.length === 0) continue;
          blockers.push(members[rng.int(members.length)]);
        }
        // Never trade heavier meetings for a lighter one: then m is the one left out.
        let blockersWeight = 0;
        for (const b of blockers) blockersWeight += tt.meetingWeight[b];
        if (blockersWeight > tt.meetingWeight[m] + 1e-9) continue;
        let score = rng.next();
        for (const b of blockers) score += tt.meetingWeight[b] / (tt.meetingWeight[m] + 1e-9) + ejections[b];
        if (score < bestScore) {
          bestScore = score;
          bestSlot = s;
          bestBlockers = blockers;
        }
      }
      if (bestSlot === -1) {
        unplaced.push(m);
        continue;
      }
      for (const b of bestBlockers) {
        tt.removeAndCost(b);
        ejections[b]++;
        ejectedFrom[b] = bestSlot;
        queue.push(b);
      }
      tt.placeAndCost(m, bestSlot);
    }
  }
  return unplaced;
}

/**
 * Makes room for m by moving what is in its way: for some slot of m, each
 * meeting blocking it (the other meeting of either company there, or one
 * more to free a table) moves to a slot where it fits, and m takes the slot.
 * Nothing is lost; returns false, changing nothing, when no slot works.
 */
function relocateBlockers(tt: Timetable, m: number, rng: Rng): boolean {
  const S = tt.slotCount;
  for (const s of tt.meetingSlots[m]) {
    const blockers: number[] = [];
    for (const c of [tt.meetingA[m], tt.meetingB[m]]) {
      const other = tt.occupant[c * S + s];
      if (other >= 0 && !blockers.includes(other)) blockers.push(other);
    }
    if (blockers.some((b) => tt.meetingFixed[b])) continue;
    const from = blockers.map((b) => tt.slotOf[b]);
    for (const b of blockers) tt.removeAndCost(b);
    if (!tt.hasRoom(m, s)) {
      // A full slot: move out one more meeting that can go elsewhere.
      const spare = tt.members(s).find((x) => !tt.meetingFixed[x] && (!tt.meetingInterpreter[m] || tt.meetingInterpreter[x] || tt.load[s] >= tt.problem.tableCount));
      if (spare !== undefined) {
        blockers.push(spare);
        from.push(s);
        tt.removeAndCost(spare);
      }
    }
    if (tt.fits(m, s)) {
      tt.placeAndCost(m, s);
      const moved: number[] = [];
      for (const b of blockers) {
        const to = tt.bestFreeSlot(b, rng);
        if (to === -1) break;
        tt.placeAndCost(b, to);
        moved.push(b);
      }
      if (moved.length === blockers.length) return true;
      for (const b of moved) tt.removeAndCost(b);
      tt.removeAndCost(m);
    }
    blockers.forEach((b, i) => tt.placeAndCost(b, from[i]));
  }
  return false;
}
