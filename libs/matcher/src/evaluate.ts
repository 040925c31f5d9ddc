import { Instance, Schedule } from './format';

export interface ScheduleMeasures {
  meetings: number;
  weight: number;
  /** Idle slots between two meetings of a company on the same day, summed over companies. */
  holes: number;
  /** Idle runs between meetings (a run of idle slots counts once): the literature's measure. */
  breaks: number;
  /** Scheduled pairs that were in `pairs` (not only fixed), and how many pairs there were. */
  pairsScheduled: number;
  pairsTotal: number;
}

/** Measures a schedule against its instance (assumes the schedule obeys the rules). */
export function measureSchedule(instance: Instance, schedule: Schedule): ScheduleMeasures {
  const slotIndex = new Map(instance.slots.map((slot, i) => [slot.id, i]));
  const dates = instance.slots.map((slot) => slot.start.slice(0, 10));
  const weights = new Map(instance.pairs.map((pair) => [pairKey(pair.a, pair.b), pair.weight]));
  const busy = new Map<string, number[]>();
  let weight = 0;
  let pairsScheduled = 0;
  for (const meeting of schedule.meetings) {
    const w = weights.get(pairKey(meeting.a, meeting.b));
    if (w !== undefined) {
      weight += w;
      pairsScheduled++;
    }
    for (const c of [meeting.a, meeting.b]) {
      const list = busy.get(c) ?? [];
      list.push(slotIndex.get(meeting.slot)!);
      busy.set(c, list);
    }
  }
  let holes = 0;
  let breaks = 0;
  for (const slots of busy.values()) {
    slots.sort((x, y) => x - y);
    for (let i = 1; i < slots.length; i++) {
      const gap = slots[i] - slots[i - 1] - 1;
      if (gap > 0 && dates[slots[i]] === dates[slots[i - 1]]) {
        // Slots are contiguous within a day, so every slot between is on that day too.
        holes += gap;
        breaks++;
      }
    }
  }
  return { meetings: schedule.meetings.length, weight, holes, breaks, pairsScheduled, pairsTotal: instance.pairs.length };
}

/**
 * Every way the schedule breaks the format's rules, in words; empty when it
 * obeys them all. The instance is assumed valid (see parseInstance).
 */
export function checkSchedule(instance: Instance, schedule: Schedule): string[] {
  const violations: string[] = [];
  const slots = new Set(instance.slots.map((slot) => slot.id));
  const tables = new Map(instance.tables.map((table) => [table.id, table.interpreter === true]));
  const companies = new Map(instance.companies.map((company) => [company.id, company]));
  const pairs = new Map(instance.pairs.map((pair) => [pairKey(pair.a, pair.b), pair]));
  const fixed = new Map((instance.fixed ?? []).map((meeting) => [pairKey(meeting.a, meeting.b), meeting]));
  const seenPairs = new Set<string>();
  const companySlot = new Set<string>();
  const tableSlot = new Set<string>();
  const count = new Map<string, number>();

  schedule.meetings.forEach((meeting, i) => {
    const where = `meetings[${i}] (${meeting.a}–${meeting.b} in ${meeting.slot} at ${meeting.table})`;
    const key = pairKey(meeting.a, meeting.b);
    const pair = pairs.get(key);
    if (!pair && !fixed.has(key)) violations.push(`${where}: the pair is neither in pairs nor fixed`);
    if (seenPairs.has(key)) violations.push(`${where}: the pair meets twice`);
    seenPairs.add(key);
    if (!slots.has(meeting.slot)) violations.push(`${where}: unknown slot`);
    if (!tables.has(meeting.table)) violations.push(`${where}: unknown table`);
    for (const c of [meeting.a, meeting.b]) {
      const company = companies.get(c);
      if (!company) {
        violations.push(`${where}: unknown company ${c}`);
        continue;
      }
      if (companySlot.has(`${c}@${meeting.slot}`)) violations.push(`${where}: ${c} has two meetings in this slot`);
      companySlot.add(`${c}@${meeting.slot}`);
      if (company.unavailable?.includes(meeting.slot)) violations.push(`${where}: ${c} is unavailable in this slot`);
      count.set(c, (count.get(c) ?? 0) + 1);
    }
    if (pair?.onlySlots && !pair.onlySlots.includes(meeting.slot)) violations.push(`${where}: outside the pair's onlySlots`);
    if (tableSlot.has(`${meeting.table}@${meeting.slot}`)) violations.push(`${where}: the table holds two meetings in this slot`);
    tableSlot.add(`${meeting.table}@${meeting.slot}`);
    if (pair?.needsInterpreter && !tables.get(meeting.table)) violations.push(`${where}: needs an interpreter table`);
  });
  for (const [id, n] of count) {
    const max = companies.get(id)?.maxMeetings ?? instance.slots.length;
    if (n > max) violations.push(`company ${id}: ${n} meetings, more than its maxMeetings ${max}`);
  }
  const placed = new Map(schedule.meetings.map((meeting) => [pairKey(meeting.a, meeting.b), meeting]));
  (instance.fixed ?? []).forEach((meeting, i) => {
    const got = placed.get(pairKey(meeting.a, meeting.b));
    if (!got || got.slot !== meeting.slot) violations.push(`fixed[${i}] (${meeting.a}–${meeting.b}): not in slot ${meeting.slot}`);
    else if (meeting.table && got.table !== meeting.table) violations.push(`fixed[${i}]: not at table ${meeting.table}`);
  });
  return violations;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
