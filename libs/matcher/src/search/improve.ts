import { Rng } from '../rng';
import { Timetable } from '../timetable';
import { compactMove } from './moves/compact';
import { ejectionMove } from './moves/ejection';
import { holeMove, KempeMove } from './moves/kempe';
import { lnsMove } from './moves/lns';
import { reseatMove } from './moves/reseat';

export interface ImproveOptions {
  iterations: number;
  deadline: number;
  /** Called every few thousand iterations with the fraction done; return false to stop. */
  onProgress?: (fraction: number) => boolean;
  /** Longest Kempe chain tried (meetings). */
  maxChain?: number;
  /** Share of moves of each kind; the rest are Kempe moves, half of them aimed at holes. */
  moveRates?: { compact: number; largeNeighbourhood: number; reseat: number; ejection: number };
  /** Annealing temperature at the start and at the end (gap-cost units: 64 per hole or break, see Timetable.cost). */
  temperature?: { start: number; end: number };
  /** Asked at each new best timetable: true when nothing better is worth looking for (e.g. a lower bound is met); the search stops. */
  goalMet?: () => boolean;
  /** Stop after this share of the iterations, the temperature falling as over all of them (only the hot part of a run); default 1. */
  share?: number;
}

const DEFAULT_RATES = { compact: 0.01, largeNeighbourhood: 0.001, reseat: 0.002, ejection: 0.2 };
const PROGRESS_EVERY = 4096;

/**
 * Removes holes by simulated annealing: each iteration draws one move (see
 * moves/) at a geometrically falling temperature; every move keeps every rule,
 * is journalled on the timetable and kept or rolled back by the one acceptance
 * rule (acceptance.ts). Company moves (compact, reseat, large neighbourhood)
 * go to a company with gaps; meeting moves (ejection, Kempe) to a random
 * meeting and slot; the remaining Kempe moves, half of all, aim at a hole.
 * Stops early at no gaps at all, or when `goalMet` says so (at the start and at each new best).
 * Leaves the best timetable seen in place.
 */
export function improve(tt: Timetable, rng: Rng, options: ImproveOptions): void {
  const M = tt.meetingCount;
  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (tt.slotOf[m] !== -1 && !tt.meetingFixed[m]) movable.push(m);
  if (movable.length === 0 || tt.totalCost === 0 || options.goalMet?.()) return;

  const rates = options.moveRates ?? DEFAULT_RATES;
  const kempe = new KempeMove(tt, rng, options.maxChain ?? 16);
  const startTemperature = options.temperature?.start ?? 40;
  const endTemperature = options.temperature?.end ?? 0.3;
  const iterations = Math.max(1, options.iterations);
  // Snapshots of the best timetable cost O(meetings); take them at most every M/4 iterations.
  let best = tt.totalCost;
  let bestSlots = tt.slotOf.slice();
  let lastSnapshot = 0;
  const snapshotGap = Math.max(64, M >> 2);

  /** A company of a random meeting, one with gaps if either has; -1 if neither. */
  const companyWithGaps = (): number => {
    const m = movable[rng.int(movable.length)];
    const c = tt.companyCost[tt.meetingA[m]] > 0 ? tt.meetingA[m] : tt.meetingB[m];
    return tt.companyCost[c] > 0 ? c : -1;
  };
  const randomSlot = (m: number) => tt.meetingSlots[m][rng.int(tt.meetingSlots[m].length)];
  const compactUpTo = rates.compact;
  const lnsUpTo = compactUpTo + rates.largeNeighbourhood;
  const reseatUpTo = lnsUpTo + rates.reseat;
  const ejectionUpTo = reseatUpTo + rates.ejection;
  const holeUpTo = 0.5 + rates.ejection / 2;

  // The temperature falls by the same factor each iteration (a Math.pow on every one cost about 7 % of the breaks
  // search on JAIR forum-14), set exactly every PROGRESS_EVERY iterations so that rounding does not add up.
  const ratio = endTemperature / startTemperature;
  const step = Math.pow(ratio, 1 / iterations);
  let temperature = startTemperature;
  const stopAt = Math.ceil(iterations * Math.min(1, options.share ?? 1));
  for (let it = 0; it < stopAt; it++) {
    if (it % PROGRESS_EVERY === 0) {
      if (Date.now() > options.deadline) break;
      if (options.onProgress && !options.onProgress(it / iterations)) break;
      temperature = startTemperature * Math.pow(ratio, it / iterations);
    } else temperature *= step;
    const r = rng.next();
    if (r < reseatUpTo) {
      const c = companyWithGaps();
      if (c !== -1) {
        if (r < compactUpTo) compactMove(tt, rng, c, temperature);
        else if (r < lnsUpTo) lnsMove(tt, rng, c, temperature);
        else reseatMove(tt, rng, c, temperature);
      }
    } else if (r < ejectionUpTo) {
      const m = movable[rng.int(movable.length)];
      ejectionMove(tt, rng, m, randomSlot(m), temperature);
    } else if (r < holeUpTo) {
      const c = companyWithGaps();
      if (c !== -1) holeMove(tt, rng, kempe, c, temperature);
    } else {
      const m = movable[rng.int(movable.length)];
      kempe.apply(m, randomSlot(m), temperature);
    }
    if (tt.totalCost < best && (tt.totalCost === 0 || it - lastSnapshot >= snapshotGap)) {
      best = tt.totalCost;
      bestSlots = tt.slotOf.slice();
      lastSnapshot = it;
      if (best === 0 || options.goalMet?.()) break;
    }
  }
  // Restore the best timetable seen.
  if (tt.totalCost > best) {
    for (let m = 0; m < M; m++) if (tt.slotOf[m] !== -1) tt.remove(m);
    for (let m = 0; m < M; m++) if (bestSlots[m] !== -1) tt.place(m, bestSlots[m]);
    tt.refreshAllCosts();
  }
}
