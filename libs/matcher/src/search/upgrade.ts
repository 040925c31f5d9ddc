import { Rng } from '../rng';
import { Timetable } from '../timetable';

/**
 * Trades lighter meetings for a heavier unplaced one: u takes a slot, what
 * was in its way (and, if a company of u is at its maxMeetings, that
 * company's lightest meeting) is lifted, then every unplaced candidate of the
 * companies freed that way is placed where it fits. Kept when the total weight
 * went up, undone otherwise. `candidatesOf[c]` lists the meetings of company c
 * that may be placed. Returns the weight gained.
 */
export function upgrade(tt: Timetable, unplaced: number[], candidatesOf: number[][], rng: Rng, budget = 20000): number {
  let gained = 0;
  for (const u of unplaced) {
    if (tt.slotOf[u] !== -1) continue;
    // Try every slot, then redo the best trade.
    let bestSlot = -1;
    let bestGain = 1e-9;
    for (const s of tt.meetingSlots[u]) {
      if (budget-- <= 0) return gained;
      const gain = tradeInto(tt, u, s, candidatesOf, rng, false);
      if (gain > bestGain) {
        bestGain = gain;
        bestSlot = s;
      }
    }
    if (bestSlot !== -1) gained += Math.max(0, tradeInto(tt, u, bestSlot, candidatesOf, rng, true));
  }
  return gained;
}

/**
 * Puts u into slot s, lifting what is in its way and refilling; returns the
 * net weight gained. With `keep`, a positive gain stays; otherwise everything
 * is put back as it was.
 */
function tradeInto(tt: Timetable, u: number, s: number, candidatesOf: number[][], rng: Rng, keep: boolean): number {
  const S = tt.slotCount;
  const { companyCapacity } = tt.problem;
  const lifted: number[] = [];
  const add = (x: number) => {
    if (x >= 0 && !lifted.includes(x)) lifted.push(x);
  };
  for (const c of [tt.meetingA[u], tt.meetingB[u]]) {
    add(tt.occupant[c * S + s]);
    if (tt.companyMeetings[c] >= companyCapacity[c] && tt.occupant[c * S + s] < 0) {
      // At its maxMeetings: its lightest meeting has to give way.
      let lightest = -1;
      for (let t = 0; t < S; t++) {
        const x = tt.occupant[c * S + t];
        if (x >= 0 && !tt.meetingFixed[x] && (lightest < 0 || tt.meetingWeight[x] < tt.meetingWeight[lightest])) lightest = x;
      }
      if (lightest < 0) return -Infinity;
      add(lightest);
    }
  }
  if (lifted.some((x) => tt.meetingFixed[x])) return -Infinity;
  const from = lifted.map((x) => tt.slotOf[x]);
  for (const x of lifted) tt.removeAndCost(x);
  if (!tt.hasRoom(u, s)) {
    const spare = tt
      .members(s)
      .filter(
        (x) =>
          !tt.meetingFixed[x] &&
          (!tt.meetingInterpreter[u] || tt.meetingInterpreter[x] || tt.load[s] >= tt.problem.tableCount),
      )
      .sort((x, y) => tt.meetingWeight[x] - tt.meetingWeight[y])[0];
    if (spare !== undefined) {
      lifted.push(spare);
      from.push(s);
      tt.removeAndCost(spare);
    }
  }
  const restore = (refilled: number[]) => {
    for (const x of refilled) tt.removeAndCost(x);
    if (tt.slotOf[u] !== -1) tt.removeAndCost(u);
    lifted.forEach((x, i) => tt.placeAndCost(x, from[i]));
  };
  let lost = lifted.reduce((sum, x) => sum + tt.meetingWeight[x], 0);
  if (!tt.fits(u, s) || lost >= tt.meetingWeight[u] + refillPotential(tt, lifted, candidatesOf)) {
    restore([]);
    return -Infinity;
  }
  tt.placeAndCost(u, s);
  const refilled: number[] = [];
  const freed = new Set(lifted.flatMap((x) => [tt.meetingA[x], tt.meetingB[x]]));
  const refill = [...new Set([...lifted, ...[...freed].flatMap((c) => candidatesOf[c])])].sort(
    (x, y) => tt.meetingWeight[y] - tt.meetingWeight[x],
  );
  for (const x of refill) {
    if (tt.slotOf[x] !== -1) continue;
    if (tt.companyMeetings[tt.meetingA[x]] >= companyCapacity[tt.meetingA[x]]) continue;
    if (tt.companyMeetings[tt.meetingB[x]] >= companyCapacity[tt.meetingB[x]]) continue;
    const to = tt.bestFreeSlot(x, rng);
    if (to !== -1) {
      tt.placeAndCost(x, to);
      refilled.push(x);
      lost -= tt.meetingWeight[x];
    }
  }
  const gain = tt.meetingWeight[u] - lost;
  if (!(keep && gain > 1e-9)) restore(refilled);
  return gain;
}

/** The most the unplaced candidates of the lifted meetings' companies could add back. */
function refillPotential(tt: Timetable, lifted: number[], candidatesOf: number[][]): number {
  let potential = 0;
  for (const x of lifted) {
    for (const c of [tt.meetingA[x], tt.meetingB[x]]) {
      let best = 0;
      for (const y of candidatesOf[c]) if (tt.slotOf[y] === -1 && y !== x) best = Math.max(best, tt.meetingWeight[y]);
      potential += best;
    }
    potential += tt.meetingWeight[x];
  }
  return potential;
}

/** Places each meeting (best first) where it fits as things stand; returns those placed. */
export function fill(timetable: Timetable, candidates: number[], rng: Rng): number[] {
  const placed: number[] = [];
  for (const m of candidates) {
    if (timetable.slotOf[m] !== -1) continue;
    const { companyMeetings, meetingA, meetingB, problem } = timetable;
    if (
      companyMeetings[meetingA[m]] >= problem.companyCapacity[meetingA[m]] ||
      companyMeetings[meetingB[m]] >= problem.companyCapacity[meetingB[m]]
    ) {
      continue;
    }
    const s = timetable.bestFreeSlot(m, rng);
    if (s !== -1) {
      timetable.placeAndCost(m, s);
      placed.push(m);
    }
  }
  return placed;
}
