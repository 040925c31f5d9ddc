import { assignMinCost } from './assignment';
import { Rng } from './rng';
import { Timetable } from './timetable';

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
}

const DEFAULT_RATES = { compact: 0.01, largeNeighbourhood: 0.001, reseat: 0.002, ejection: 0.2 };

/**
 * Removes holes by simulated annealing over Kempe-chain moves: a meeting moves
 * to another slot, and every meeting that would then clash with it (sharing a
 * company in the other slot) swaps the other way, transitively. Each move keeps
 * every rule; it is kept if it lowers the gap cost, or by the annealing rule.
 * Half the moves target a company's hole directly (a meeting at the edge of its
 * day moves into the hole). Leaves the best timetable found in place.
 */
export function improve(timetable: Timetable, rng: Rng, options: ImproveOptions): void {
  const tt = timetable;
  const S = tt.slotCount;
  const M = tt.meetingCount;
  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (tt.slotOf[m] !== -1 && !tt.meetingFixed[m]) movable.push(m);
  if (movable.length === 0 || tt.totalCost === 0) return;

  const maxChain = options.maxChain ?? 16;
  const rates = options.moveRates ?? DEFAULT_RATES;
  const stamp = new Int32Array(M);
  let stampValue = 0;
  const chain: number[] = [];
  const from: number[] = [];
  const companies: number[] = [];
  const companyStamp = new Int32Array(tt.problem.companyCount);

  // Snapshots of the best timetable cost O(meetings); take them at most every M/4 iterations.
  let best = tt.totalCost;
  let bestSlots = tt.slotOf.slice();
  let lastSnapshot = 0;
  const snapshotGap = Math.max(64, M >> 2);
  const startTemperature = options.temperature?.start ?? 40;
  const endTemperature = options.temperature?.end ?? 0.3;
  const iterations = Math.max(1, options.iterations);

  /** Adds the Kempe component of `start` (slots s1/s2) to `chain`; false if it cannot move. */
  const growChain = (start: number, s1: number, s2: number): boolean => {
    chain.push(start);
    stamp[start] = stampValue;
    for (let i = chain.length - 1; i < chain.length; i++) {
      const x = chain[i];
      const other = tt.slotOf[x] === s1 ? s2 : s1;
      if (tt.meetingFixed[x] || !tt.isAllowed(x, other)) return false;
      for (const c of [tt.meetingA[x], tt.meetingB[x]]) {
        const y = tt.occupant[c * S + other];
        if (y >= 0 && stamp[y] !== stampValue) {
          if (chain.length >= maxChain) return false;
          stamp[y] = stampValue;
          chain.push(y);
        }
      }
    }
    return true;
  };
  const fitsLoads = (s1: number, target: number) => {
    let toTarget = 0;
    let toTargetInterpreter = 0;
    for (const x of chain) {
      const sign = tt.slotOf[x] === s1 ? 1 : -1;
      toTarget += sign;
      if (tt.meetingInterpreter[x]) toTargetInterpreter += sign;
    }
    return (
      tt.load[target] + toTarget <= tt.problem.tableCount &&
      tt.load[s1] - toTarget <= tt.problem.tableCount &&
      tt.interpreterLoad[target] + toTargetInterpreter <= tt.interpreterCapacity[target] &&
      tt.interpreterLoad[s1] - toTargetInterpreter <= tt.interpreterCapacity[s1]
    );
  };

  const tryMove = (m: number, target: number, temperature: number): boolean => {
    const s1 = tt.slotOf[m];
    if (target === s1 || !tt.isAllowed(m, target)) return false;
    stampValue++;
    chain.length = 0;
    from.length = 0;
    if (!growChain(m, s1, target)) return false;
    if (!fitsLoads(s1, target)) {
      // The target slot has no table left: swap in another component going the other way.
      const members = tt.members(target);
      const size = chain.length;
      let balanced = false;
      for (let attempt = 0; attempt < 3 && !balanced && members.length; attempt++) {
        const y = members[rng.int(members.length)];
        if (stamp[y] === stampValue) continue;
        if (growChain(y, s1, target) && fitsLoads(s1, target)) balanced = true;
        else {
          for (let i = size; i < chain.length; i++) stamp[chain[i]] = 0;
          chain.length = size;
        }
      }
      if (!balanced) return false;
    }
    // Apply: lift the whole chain, then set it down in the other slot.
    companies.length = 0;
    const before = tt.totalCost;
    for (const x of chain) {
      from.push(tt.slotOf[x]);
      tt.remove(x);
      for (const c of [tt.meetingA[x], tt.meetingB[x]]) {
        if (companyStamp[c] !== stampValue) {
          companyStamp[c] = stampValue;
          companies.push(c);
        }
      }
    }
    chain.forEach((x, i) => tt.place(x, from[i] === s1 ? target : s1));
    for (const c of companies) tt.refreshCost(c);
    const delta = tt.totalCost - before;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) return true;
    // Undo.
    for (const x of chain) tt.remove(x);
    chain.forEach((x, i) => tt.place(x, from[i]));
    for (const c of companies) tt.refreshCost(c);
    return false;
  };

  const holeMove = (temperature: number): boolean => {
    // A company with a gap: move its meeting at one edge of the day into the gap.
    const m0 = movable[rng.int(movable.length)];
    const a = tt.meetingA[m0];
    const b = tt.meetingB[m0];
    const company = tt.companyCost[a] > 0 ? a : tt.companyCost[b] > 0 ? b : -1;
    if (company === -1) return false;
    const row = company * S;
    const busy: number[] = [];
    for (let s = 0; s < S; s++) if (tt.occupant[row + s] >= 0) busy.push(s);
    const holes: number[] = [];
    for (let i = 1; i < busy.length; i++) {
      if (tt.problem.slotDay[busy[i]] !== tt.problem.slotDay[busy[i - 1]]) continue;
      for (let s = busy[i - 1] + 1; s < busy[i]; s++) holes.push(s);
    }
    if (holes.length === 0) return false;
    const hole = holes[rng.int(holes.length)];
    const day = tt.problem.slotDay[hole];
    const sameDay = busy.filter((s) => tt.problem.slotDay[s] === day);
    const edge = rng.next() < 0.5 ? sameDay[0] : sameDay[sameDay.length - 1];
    const m = tt.occupant[row + edge];
    return tt.meetingFixed[m] ? false : tryMove(m, hole, temperature);
  };

  // Ejection chain: m moves to `target`; a meeting that clashes there (one
  // company in common) is lifted and sent to its best slot, possibly lifting
  // another, up to `depth` times. Undone unless the annealing rule keeps it.
  const moved: number[] = [];
  const movedFrom: number[] = [];
  const ejectionMove = (m: number, target: number, temperature: number, depth: number): boolean => {
    if (target === tt.slotOf[m] || !tt.isAllowed(m, target)) return false;
    const before = tt.totalCost;
    moved.length = 0;
    movedFrom.length = 0;
    const lift = (x: number) => {
      moved.push(x);
      movedFrom.push(tt.slotOf[x]);
      tt.removeAndCost(x);
    };
    const undo = () => {
      for (const x of moved) if (tt.slotOf[x] !== -1) tt.removeAndCost(x);
      // A meeting can be lifted twice in one chain: its first origin is where it was.
      for (let i = 0; i < moved.length; i++) {
        if (tt.slotOf[moved[i]] === -1) tt.placeAndCost(moved[i], movedFrom[i]);
      }
      return false;
    };
    let current = m;
    let slot = target;
    lift(current);
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
      if (blockers > 1 || (blocker >= 0 && tt.meetingFixed[blocker])) return undo();
      if (blocker >= 0) lift(blocker);
      if (!tt.hasRoom(current, slot)) return undo();
      tt.placeAndCost(current, slot);
      if (blocker < 0) break;
      if (step >= depth) return undo();
      current = blocker;
      const free = tt.bestFreeSlot(current, rng);
      if (free !== -1) {
        tt.placeAndCost(current, free);
        break;
      }
      const options = tt.meetingSlots[current];
      slot = options[rng.int(options.length)];
      if (slot === movedFrom[moved.length - 1]) return undo();
    }
    const delta = tt.totalCost - before;
    if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) return true;
    return undo();
  };

  // Large neighbourhood: lift every meeting of a company with gaps and of a few
  // of its partners, put them back best-first (construct); undo if any is left
  // out or the annealing rule refuses the result.
  const lnsMove = (c: number, temperature: number): boolean => {
    const lifted: number[] = [];
    const liftedFrom: number[] = [];
    const liftCompany = (x: number) => {
      for (let s = 0; s < S; s++) {
        const m = tt.occupant[x * S + s];
        if (m >= 0 && !tt.meetingFixed[m]) {
          lifted.push(m);
          liftedFrom.push(s);
          tt.removeAndCost(m);
        }
      }
    };
    const before = tt.totalCost;
    liftCompany(c);
    const partners = lifted.map((m) => (tt.meetingA[m] === c ? tt.meetingB[m] : tt.meetingA[m]));
    for (let k = 0; k < lnsPartners && partners.length; k++) liftCompany(partners[rng.int(partners.length)]);
    const snapshot = tt.slotOf.slice();
    const left = construct(tt, rng.shuffle(lifted.slice()), rng, 4);
    const delta = tt.totalCost - before;
    if (left.length === 0 && (delta <= 0 || rng.next() < Math.exp(-delta / temperature))) return true;
    // Undo: clear whatever construct touched, then restore.
    for (let m = 0; m < M; m++) if (tt.slotOf[m] !== snapshot[m] && tt.slotOf[m] !== -1) tt.removeAndCost(m);
    for (let m = 0; m < M; m++) if (snapshot[m] !== -1 && tt.slotOf[m] === -1) tt.placeAndCost(m, snapshot[m]);
    lifted.forEach((m, i) => tt.slotOf[m] === -1 && tt.placeAndCost(m, liftedFrom[i]));
    return false;
  };
  const lnsPartners = 2;


  const progressEvery = 4096;


  for (let it = 0; it < iterations; it++) {
    if (it % progressEvery === 0) {
      if (Date.now() > options.deadline) break;
      if (options.onProgress && !options.onProgress(it / iterations)) break;
    }
    const temperature = startTemperature * Math.pow(endTemperature / startTemperature, it / iterations);
    const r = rng.next();
    if (r < rates.compact) {
      const m0 = movable[rng.int(movable.length)];
      const c = tt.companyCost[tt.meetingA[m0]] > 0 ? tt.meetingA[m0] : tt.meetingB[m0];
      if (tt.companyCost[c] > 0) compactCompany(tt, c, rng, temperature);
    } else if (r < rates.compact + rates.largeNeighbourhood) {
      const m0 = movable[rng.int(movable.length)];
      const c = tt.companyCost[tt.meetingA[m0]] > 0 ? tt.meetingA[m0] : tt.meetingB[m0];
      if (tt.companyCost[c] > 0) lnsMove(c, temperature);
    } else if (r < rates.compact + rates.largeNeighbourhood + rates.reseat) {
      const m0 = movable[rng.int(movable.length)];
      const c = tt.companyCost[tt.meetingA[m0]] > 0 ? tt.meetingA[m0] : tt.meetingB[m0];
      if (tt.companyCost[c] > 0) reseatCompany(tt, c, rng, temperature);
    } else if (r < rates.compact + rates.largeNeighbourhood + rates.reseat + rates.ejection) {
      const m = movable[rng.int(movable.length)];
      const slots = tt.meetingSlots[m];
      ejectionMove(m, slots[rng.int(slots.length)], temperature, 3);
    } else if (r < 0.5 + rates.ejection / 2) {
      holeMove(temperature);
    } else {
      const m = movable[rng.int(movable.length)];
      const slots = tt.meetingSlots[m];
      tryMove(m, slots[rng.int(slots.length)], temperature);
    }
    if (tt.totalCost < best && (tt.totalCost === 0 || it - lastSnapshot >= snapshotGap)) {
      best = tt.totalCost;
      bestSlots = tt.slotOf.slice();
      lastSnapshot = it;
      if (best === 0) break;
    }
  }
  // Restore the best timetable seen.
  if (tt.totalCost > best) {
    for (let m = 0; m < M; m++) if (tt.slotOf[m] !== -1) tt.remove(m);
    for (let m = 0; m < M; m++) if (bestSlots[m] !== -1) tt.place(m, bestSlots[m]);
    tt.refreshAllCosts();
  }
}

/**
 * Makes company c's day compact even where partners are busy: its meetings
 * go to the run of consecutive slots where the Hungarian method finds them
 * cheapest, a busy partner's meeting or a full slot costing `bump`; what is
 * bumped is placed again by `construct` while c's meetings stay put. Undone
 * if anything is left out or the annealing rule refuses the new cost.
 */
export function compactCompany(tt: Timetable, c: number, rng: Rng, temperature: number, bump = 96): boolean {
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
  if (!best) {
    tt.rollback();
    return false;
  }
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
  if (meetings.some((m) => tt.slotOf[m] === -1)) {
    tt.rollback();
    return false;
  }
  for (const m of meetings) tt.meetingFixed[m] = true;
  const left = construct(tt, bumped, rng, 6);
  for (const m of meetings) tt.meetingFixed[m] = false;
  const delta = tt.totalCost - before;
  if (left.length === 0 && (delta < 0 || (delta > 0 && rng.next() < Math.exp(-delta / temperature)))) {
    tt.commit();
    return true;
  }
  tt.rollback();
  return false;
}

/**
 * Re-seats every meeting of company c at once: for each run of consecutive
 * slots of a day as long as c has meetings (no hole for c), the partners'
 * extra gap cost of each meeting in each slot is a cost matrix (each partner
 * has exactly one meeting with c, so it is exact), solved by the Hungarian
 * method. The cheapest run is kept if the total gap cost goes down (or by the
 * annealing rule at `temperature`). Returns whether the timetable changed.
 */
export function reseatCompany(tt: Timetable, c: number, rng: Rng, temperature = 0): boolean {
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
  const oldSlots = meetings.map((m) => tt.slotOf[m]);
  const before = tt.totalCost;
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

  if (best) {
    meetings.forEach((m, i) => tt.placeAndCost(m, best!.slots[i]));
    const delta = tt.totalCost - before;
    if (delta < 0 || (temperature > 0 && delta > 0 && rng.next() < Math.exp(-delta / temperature))) return true;
    if (delta === 0) return !best.slots.every((s, i) => s === oldSlots[i]);
    for (const m of meetings) tt.removeAndCost(m);
  }
  meetings.forEach((m, i) => tt.placeAndCost(m, oldSlots[i]));
  return false;
}
