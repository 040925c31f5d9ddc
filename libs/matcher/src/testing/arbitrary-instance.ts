import fc from 'fast-check';
import { Instance, InstancePair } from '../format';
import { greedySchedule } from '../greedy';

/**
 * Random small forums for property tests: one or two days, sides or none,
 * partial availability, maxMeetings, onlySlots, interpreter tables and needs,
 * and fixed meetings taken from a feasible schedule (so the instance is valid).
 */
export const arbitraryInstance: fc.Arbitrary<Instance> = fc
  .record({
    days: fc.integer({ min: 1, max: 2 }),
    slotsPerDay: fc.integer({ min: 1, max: 5 }),
    tables: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    sided: fc.boolean(),
    left: fc.integer({ min: 1, max: 5 }),
    right: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    fixedShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
  })
  .map(({ days, slotsPerDay, tables, sided, left, right, seed, fixedShare }) => {
    let state = seed;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const slots = [];
    for (let d = 0; d < days; d++) {
      for (let k = 0; k < slotsPerDay; k++) {
        const hour = String(9 + k).padStart(2, '0');
        slots.push({ id: `d${d}s${k}`, start: `2024-06-1${d}T${hour}:00:00+07:00`, end: `2024-06-1${d}T${hour}:30:00+07:00` });
      }
    }
    const companies: Instance['companies'] = [];
    for (let i = 0; i < left + right; i++) {
      const company: Instance['companies'][number] = { id: `c${i}` };
      if (sided) company.side = i < left ? 'KR' : 'VN';
      if (random() < 0.4) company.maxMeetings = Math.floor(random() * (slots.length + 1));
      if (random() < 0.4) company.unavailable = slots.filter(() => random() < 0.3).map((slot) => slot.id);
      companies.push(company);
    }
    const pairs: InstancePair[] = [];
    for (let a = 0; a < companies.length; a++) {
      for (let b = a + 1; b < companies.length; b++) {
        if (sided && companies[a].side === companies[b].side) continue;
        if (random() < 0.45) continue;
        const pair: InstancePair = { a: companies[a].id, b: companies[b].id, weight: 1 + Math.floor(random() * 30) };
        if (random() < 0.3) pair.needsInterpreter = true;
        if (random() < 0.3) pair.onlySlots = slots.filter(() => random() < 0.6).map((slot) => slot.id);
        pairs.push(pair);
      }
    }
    const instance: Instance = {
      format: 'forum-matcher/v1',
      slots,
      tables: tables.map((interpreter, t) => ({ id: `T${t}`, ...(interpreter ? { interpreter: true } : {}) })),
      companies,
      pairs,
    };
    // Fixed meetings: part of a feasible schedule, some with their table.
    const feasible = greedySchedule(instance).meetings;
    instance.fixed = feasible
      .filter(() => random() < fixedShare)
      .map((meeting) => (random() < 0.5 ? meeting : { a: meeting.a, b: meeting.b, slot: meeting.slot }));
    return instance;
  });
