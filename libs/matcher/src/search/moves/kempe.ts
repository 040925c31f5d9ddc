import { Rng } from '../../rng';
import { Timetable } from '../../timetable';
import { accepts } from '../acceptance';

/**
 * The Kempe-chain move: meeting m goes to slot `target`, and every meeting
 * that would then clash with it (sharing a company in the other slot) swaps
 * the other way, transitively. When the target slot has no table left, a
 * second chain going the other way is added to balance the loads. Every rule
 * holds after it; it is made only when the acceptance rule takes its cost
 * change, which is known before anything moves.
 * Holds its scratch buffers, so make one per search.
 */
export class KempeMove {
  private readonly stamp: Int32Array;
  private stampValue = 0;
  private readonly companyStamp: Int32Array;
  private companyStampValue = 0;
  private readonly chain: number[] = [];
  private readonly destination: number[] = [];

  constructor(
    private readonly tt: Timetable,
    private readonly rng: Rng,
    /** Longest chain tried (meetings). */
    private readonly maxChain = 16,
  ) {
    this.stamp = new Int32Array(tt.meetingCount);
    this.companyStamp = new Int32Array(tt.problem.companyCount);
  }

  apply(m: number, target: number, temperature: number): boolean {
    const { tt, rng, chain, stamp } = this;
    const s1 = tt.slotOf[m];
    if (target === s1 || !tt.isAllowed(m, target)) return false;
    this.stampValue++;
    chain.length = 0;
    if (!this.grow(m, s1, target)) return false;
    if (!this.fitsLoads(s1, target)) {
      const members = tt.members(target);
      const size = chain.length;
      let balanced = false;
      for (let attempt = 0; attempt < 3 && !balanced && members.length; attempt++) {
        const y = members[rng.int(members.length)];
        if (stamp[y] === this.stampValue) continue;
        if (this.grow(y, s1, target) && this.fitsLoads(s1, target)) balanced = true;
        else {
          for (let i = size; i < chain.length; i++) stamp[chain[i]] = 0;
          chain.length = size;
        }
      }
      if (!balanced) return false;
    }
    // Every company of the chain has its meetings in s1 and s2 in the chain (that is how it grows), so the
    // swap exchanges what its two slots hold: the cost change is known before anything moves, and a move
    // the acceptance rule refuses costs no moving and moving back.
    if (!accepts(this.costChange(s1, target), temperature, rng)) return false;
    // Lift the whole chain, then set it down in the other slot.
    const { destination } = this;
    destination.length = 0;
    for (const x of chain) destination.push(tt.slotOf[x] === s1 ? target : s1);
    for (const x of chain) tt.remove(x);
    for (let i = 0; i < chain.length; i++) tt.place(chain[i], destination[i]);
    tt.refreshCostsOf(chain);
    return true;
  }

  /** How much the total cost would change were the chain to swap slots s1 and s2. */
  private costChange(s1: number, s2: number): number {
    const { tt, chain } = this;
    const seen = ++this.companyStampValue;
    let change = 0;
    for (const x of chain) {
      for (let side = 0; side < 2; side++) {
        const c = side === 0 ? tt.meetingA[x] : tt.meetingB[x];
        if (this.companyStamp[c] === seen) continue;
        this.companyStamp[c] = seen;
        change += tt.costSwapping(c, s1, s2) - tt.companyCost[c];
      }
    }
    return change;
  }

  /** Adds the Kempe component of `start` (slots s1/s2) to the chain; false if it cannot move. */
  private grow(start: number, s1: number, s2: number): boolean {
    const { tt, chain, stamp } = this;
    const S = tt.slotCount;
    chain.push(start);
    stamp[start] = this.stampValue;
    for (let i = chain.length - 1; i < chain.length; i++) {
      const x = chain[i];
      const other = tt.slotOf[x] === s1 ? s2 : s1;
      if (tt.meetingFixed[x] || !tt.isAllowed(x, other)) return false;
      for (let side = 0; side < 2; side++) {
        const c = side === 0 ? tt.meetingA[x] : tt.meetingB[x];
        const y = tt.occupant[c * S + other];
        if (y >= 0 && stamp[y] !== this.stampValue) {
          if (chain.length >= this.maxChain) return false;
          stamp[y] = this.stampValue;
          chain.push(y);
        }
      }
    }
    return true;
  }

  /** Whether both slots keep within their tables and interpreter tables once the chain swaps. */
  private fitsLoads(s1: number, target: number): boolean {
    const { tt } = this;
    let toTarget = 0;
    let toTargetInterpreter = 0;
    for (const x of this.chain) {
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
  }
}

/**
 * Aims a Kempe move at a hole: for company c with a gap in its day, its
 * meeting at one edge of that day moves into the gap.
 */
export function holeMove(tt: Timetable, rng: Rng, kempe: KempeMove, c: number, temperature: number): boolean {
  const S = tt.slotCount;
  const row = c * S;
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
  return tt.meetingFixed[m] ? false : kempe.apply(m, hole, temperature);
}

