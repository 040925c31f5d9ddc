import { Problem } from './problem';
import { Rng } from './rng';

export type GapObjective = 'holes' | 'breaks';

/**
 * The slot assignment of a set of meetings, kept consistent at every step:
 * each company has at most one meeting per slot, each slot at most as many
 * meetings as tables and as many interpreter meetings as interpreter tables.
 * Every rule of the format except table numbers (assigned at the end, per slot)
 * holds for whatever is placed here.
 */
export class Timetable {
  readonly slotCount: number;
  readonly meetingPair: number[] = [];
  readonly meetingA: number[] = [];
  readonly meetingB: number[] = [];
  readonly meetingWeight: number[] = [];
  readonly meetingInterpreter: boolean[] = [];
  readonly meetingFixed: boolean[] = [];
  readonly meetingSlots: Int32Array[] = [];
  /** Slot of each meeting, -1 while unplaced. */
  slotOf: number[] = [];
  /** occupant[c * S + s]: meeting of company c in slot s, or -1. */
  readonly occupant: Int32Array;
  readonly load: Int32Array;
  readonly interpreterLoad: Int32Array;
  readonly interpreterCapacity: Int32Array;
  readonly companyMeetings: Int32Array;
  /** Members of each slot, for ejecting from a full slot. */
  private readonly slotMembers: number[][];
  private readonly memberIndex: number[] = [];
  readonly companyCost: Float64Array;
  private readonly dayStart: Int32Array;
  private readonly dayEnd: Int32Array;
  /** Day number of each slot, counted from 0 in slot order, and the number of days. */
  private readonly dayOf: Int32Array;
  private readonly dayCount: number;
  /**
   * busyMask[c * dayCount + d]: bit i set when company c meets in slot dayStart + i of day d — the gaps of a day
   * are counted from it in a few bit operations, not slot by slot. Only where every day has at most 32 slots
   * (`masked`); otherwise the occupants are scanned.
   */
  private readonly busyMask: Uint32Array;
  private readonly masked: boolean;
  private readonly allowed: Uint8Array[] = [];
  totalCost = 0;

  constructor(
    readonly problem: Problem,
    readonly objective: GapObjective,
  ) {
    const S = problem.slotCount;
    this.slotCount = S;
    this.occupant = new Int32Array(problem.companyCount * S).fill(-1);
    this.load = new Int32Array(S);
    this.interpreterLoad = new Int32Array(S);
    this.interpreterCapacity = new Int32Array(S).fill(problem.interpreterTableCount);
    for (const f of problem.fixed) {
      if (f.table >= 0 && problem.tableInterpreter[f.table] && !problem.pairs[f.pair].needsInterpreter) {
        this.interpreterCapacity[f.slot]--;
      }
    }
    this.companyMeetings = new Int32Array(problem.companyCount);
    this.companyCost = new Float64Array(problem.companyCount);
    this.slotMembers = Array.from({ length: S }, () => []);
    this.dayStart = new Int32Array(S);
    this.dayEnd = new Int32Array(S);
    for (let s = 0; s < S; s++) {
      let start = s;
      while (start > 0 && problem.slotDay[start - 1] === problem.slotDay[s]) start--;
      let end = s;
      while (end + 1 < S && problem.slotDay[end + 1] === problem.slotDay[s]) end++;
      this.dayStart[s] = start;
      this.dayEnd[s] = end;
    }
    this.dayOf = new Int32Array(S);
    let days = 0;
    for (let s = 0; s < S; s++) {
      if (s > 0 && this.dayStart[s] === s) days++;
      this.dayOf[s] = days;
    }
    this.dayCount = S > 0 ? days + 1 : 0;
    this.masked = this.dayEnd.every((end, s) => end - this.dayStart[s] < 32);
    this.busyMask = new Uint32Array(this.masked ? problem.companyCount * this.dayCount : 0);
  }

  /** Sets (or clears) company c's bit for slot s. */
  private markBusy(c: number, s: number, busy: boolean) {
    if (!this.masked) return;
    const bit = 1 << (s - this.dayStart[s]);
    const i = c * this.dayCount + this.dayOf[s];
    this.busyMask[i] = busy ? this.busyMask[i] | bit : this.busyMask[i] & ~bit;
  }

  get meetingCount(): number {
    return this.meetingPair.length;
  }

  addMeeting(pair: number, fixed: boolean): number {
    const p = this.problem.pairs[pair];
    const m = this.meetingPair.length;
    this.meetingPair.push(pair);
    this.meetingA.push(p.a);
    this.meetingB.push(p.b);
    this.meetingWeight.push(p.weight);
    this.meetingInterpreter.push(p.needsInterpreter);
    this.meetingFixed.push(fixed);
    this.meetingSlots.push(p.slots);
    const mask = new Uint8Array(this.slotCount);
    for (const s of p.slots) mask[s] = 1;
    this.allowed.push(mask);
    this.slotOf.push(-1);
    this.memberIndex.push(-1);
    return m;
  }

  isAllowed(m: number, s: number): boolean {
    return this.allowed[m][s] === 1;
  }

  hasRoom(m: number, s: number): boolean {
    return (
      this.load[s] < this.problem.tableCount &&
      (!this.meetingInterpreter[m] || this.interpreterLoad[s] < this.interpreterCapacity[s])
    );
  }

  /** Whether m can go into s as things stand: allowed, both companies free, a table free. */
  fits(m: number, s: number): boolean {
    const S = this.slotCount;
    return (
      this.allowed[m][s] === 1 &&
      this.occupant[this.meetingA[m] * S + s] === -1 &&
      this.occupant[this.meetingB[m] * S + s] === -1 &&
      this.hasRoom(m, s)
    );
  }

  // The journal: meetings touched since beginJournal and where each was first.
  private journaling = false;
  private readonly journal: number[] = [];
  private readonly journalFrom: number[] = [];
  private journaled: Uint8Array = new Uint8Array(0);

  /** Starts recording every change, so that `rollback` can undo them all. */
  beginJournal() {
    if (this.journaled.length < this.meetingCount) this.journaled = new Uint8Array(this.meetingCount);
    this.journaling = true;
    this.journal.length = 0;
    this.journalFrom.length = 0;
  }

  /** Keeps the changes made since `beginJournal`. */
  commit() {
    for (const m of this.journal) this.journaled[m] = 0;
    this.journaling = false;
    this.journal.length = 0;
  }

  /** Undoes every change since `beginJournal`, costs included. */
  rollback() {
    const { journal, journalFrom } = this;
    this.journaling = false;
    for (const m of journal) if (this.slotOf[m] !== -1) this.remove(m);
    for (let i = 0; i < journal.length; i++) {
      const m = journal[i];
      if (journalFrom[i] !== -1) this.place(m, journalFrom[i]);
      this.journaled[m] = 0;
    }
    this.refreshCostsOf(journal);
    journal.length = 0;
  }

  private refreshStamp = 0;
  private companyStamp: Int32Array = new Int32Array(0);

  /** Recomputes the cost of every company of these meetings, once each. */
  refreshCostsOf(meetings: readonly number[]) {
    if (this.companyStamp.length < this.problem.companyCount) this.companyStamp = new Int32Array(this.problem.companyCount);
    const stamp = ++this.refreshStamp;
    for (const m of meetings) {
      const a = this.meetingA[m];
      const b = this.meetingB[m];
      if (this.companyStamp[a] !== stamp) {
        this.companyStamp[a] = stamp;
        this.refreshCost(a);
      }
      if (this.companyStamp[b] !== stamp) {
        this.companyStamp[b] = stamp;
        this.refreshCost(b);
      }
    }
  }

  private record(m: number) {
    if (this.journaling && !this.journaled[m]) {
      this.journaled[m] = 1;
      this.journal.push(m);
      this.journalFrom.push(this.slotOf[m]);
    }
  }

  place(m: number, s: number) {
    this.record(m);
    const S = this.slotCount;
    this.slotOf[m] = s;
    this.occupant[this.meetingA[m] * S + s] = m;
    this.occupant[this.meetingB[m] * S + s] = m;
    this.markBusy(this.meetingA[m], s, true);
    this.markBusy(this.meetingB[m], s, true);
    this.load[s]++;
    if (this.meetingInterpreter[m]) this.interpreterLoad[s]++;
    this.companyMeetings[this.meetingA[m]]++;
    this.companyMeetings[this.meetingB[m]]++;
    this.memberIndex[m] = this.slotMembers[s].length;
    this.slotMembers[s].push(m);
  }

  remove(m: number) {
    this.record(m);
    const S = this.slotCount;
    const s = this.slotOf[m];
    this.slotOf[m] = -1;
    this.occupant[this.meetingA[m] * S + s] = -1;
    this.occupant[this.meetingB[m] * S + s] = -1;
    this.markBusy(this.meetingA[m], s, false);
    this.markBusy(this.meetingB[m], s, false);
    this.load[s]--;
    if (this.meetingInterpreter[m]) this.interpreterLoad[s]--;
    this.companyMeetings[this.meetingA[m]]--;
    this.companyMeetings[this.meetingB[m]]--;
    const members = this.slotMembers[s];
    const i = this.memberIndex[m];
    const last = members.pop()!;
    if (last !== m) {
      members[i] = last;
      this.memberIndex[last] = i;
    }
    this.memberIndex[m] = -1;
  }

  members(s: number): readonly number[] {
    return this.slotMembers[s];
  }

  /** Holes and breaks of company c over all days. */
  gaps(c: number): { holes: number; breaks: number } {
    this.scanGaps(c, -1, -1);
    return { holes: this.scannedHoles, breaks: this.scannedBreaks };
  }

  /** The gap cost the search minimises: holes then breaks, or breaks then holes. */
  cost(c: number): number {
    return this.costSwapping(c, -1, -1);
  }

  /** The gap cost of company c were its slots s1 and s2 to swap what they hold (-1, -1: as it is). */
  costSwapping(c: number, s1: number, s2: number): number {
    this.scanGaps(c, s1, s2);
    const { scannedHoles: holes, scannedBreaks: breaks } = this;
    return this.objective === 'holes' ? holes * 64 + breaks : breaks * 64 + holes;
  }

  // What scanGaps counted: fields, not an object per call (the search counts millions of times).
  private scannedHoles = 0;
  private scannedBreaks = 0;

  /** Counts company c's holes and breaks, day by day, its slots s1 and s2 swapped (-1, -1: none). */
  private scanGaps(c: number, s1: number, s2: number): void {
    if (this.masked) return this.countGaps(c, s1, s2);
    const S = this.slotCount;
    const row = c * S;
    let holes = 0;
    let breaks = 0;
    for (let s = 0; s < S; ) {
      const end = this.dayEnd[s];
      let last = -1;
      for (let t = s; t <= end; t++) {
        if (this.occupant[row + (t === s1 ? s2 : t === s2 ? s1 : t)] !== -1) {
          if (last !== -1 && t > last + 1) {
            holes += t - last - 1;
            breaks++;
          }
          last = t;
        }
      }
      s = end + 1;
    }
    this.scannedHoles = holes;
    this.scannedBreaks = breaks;
  }

  /** scanGaps from the busy masks: per day, holes = span − meetings, breaks = runs of meetings − 1. */
  private countGaps(c: number, s1: number, s2: number): void {
    const D = this.dayCount;
    const row = c * D;
    // Swapping s1 and s2 changes their bits only where they differ.
    let day1 = -1;
    let bit1 = 0;
    let day2 = -1;
    let bit2 = 0;
    if (s1 !== -1) {
      day1 = this.dayOf[s1];
      bit1 = 1 << (s1 - this.dayStart[s1]);
      day2 = this.dayOf[s2];
      bit2 = 1 << (s2 - this.dayStart[s2]);
      const busy1 = (this.busyMask[row + day1] & bit1) !== 0;
      const busy2 = (this.busyMask[row + day2] & bit2) !== 0;
      if (busy1 === busy2) day1 = day2 = -1;
    }
    let holes = 0;
    let breaks = 0;
    for (let d = 0; d < D; d++) {
      let b = this.busyMask[row + d];
      if (d === day1) b ^= bit1;
      if (d === day2) b ^= bit2;
      if (b === 0) continue;
      const low = 31 - Math.clz32(b & -b);
      const high = 31 - Math.clz32(b);
      holes += high - low + 1 - popcount(b);
      breaks += popcount(b & ~(b << 1)) - 1;
    }
    this.scannedHoles = holes;
    this.scannedBreaks = breaks;
  }

  refreshCost(c: number) {
    const cost = this.cost(c);
    this.totalCost += cost - this.companyCost[c];
    this.companyCost[c] = cost;
  }

  /** Recomputes every company's cost (after construction). */
  refreshAllCosts() {
    this.totalCost = 0;
    for (let c = 0; c < this.problem.companyCount; c++) {
      this.companyCost[c] = this.cost(c);
      this.totalCost += this.companyCost[c];
    }
  }

  /** Cost change for company c if it also met in slot s (s must be free for c). */
  costIfAdded(c: number, s: number): number {
    const S = this.slotCount;
    this.occupant[c * S + s] = -2;
    this.markBusy(c, s, true);
    const after = this.cost(c);
    this.occupant[c * S + s] = -1;
    this.markBusy(c, s, false);
    return after - this.companyCost[c];
  }

  /**
   * The best slot m fits into as things stand, by gap cost (then emptier slot,
   * then a random tie-break), or -1.
   */
  bestFreeSlot(m: number, rng: Rng): number {
    let best = -1;
    let bestScore = Infinity;
    for (const s of this.meetingSlots[m]) {
      if (!this.fits(m, s)) continue;
      const score =
        this.costIfAdded(this.meetingA[m], s) +
        this.costIfAdded(this.meetingB[m], s) +
        this.load[s] / (this.problem.tableCount + 1) +
        rng.next() * 0.01;
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  placeAndCost(m: number, s: number) {
    this.place(m, s);
    this.refreshCost(this.meetingA[m]);
    this.refreshCost(this.meetingB[m]);
  }

  removeAndCost(m: number) {
    this.remove(m);
    this.refreshCost(this.meetingA[m]);
    this.refreshCost(this.meetingB[m]);
  }
}

/** Set bits of a 32-bit word. */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
