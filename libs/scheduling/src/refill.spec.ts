import { checkSchedule, MATCHER_FORMAT, parseInstance, solve } from '@forum/matcher';
import { buildRefillInstance, RefillSnapshot, RefillSolver, solveRefill } from './refill';

const profile = (offers: string[], seeks: string[]) => ({ name: 'X', sectors: [], offers, seeks, languages: ['en'] });
const at = (hour: number) => new Date(Date.UTC(2024, 5, 10, hour));
const registration = (companyId: string, side: string, offers: string[] = [], seeks: string[] = []) => ({ companyId, side, maxMeetings: null, unavailableSlotIds: [], languages: ['en'], profile: profile(offers, seeks) });

/** Four slots (the window is s2–s4), two tables; kr1–vn1 meet in s2, kr2 was absent from s2 and its meeting with vn2 there was freed. */
function snapshot(patch: Partial<RefillSnapshot> = {}): RefillSnapshot {
  return {
    forum: { id: 'f', sides: ['KR', 'VN'], maxMeetingsPerCompany: 3, timeZone: 'UTC' },
    slots: ['s1', 's2', 's3', 's4'].map((id, i) => ({ id, startsAt: at(9 + i), endsAt: at(10 + i) })),
    tables: [{ id: 't1', interpreter: false }, { id: 't2', interpreter: false }],
    registrations: [registration('kr1', 'KR'), registration('kr2', 'KR'), registration('kr3', 'KR', ['cloud'], []), registration('vn1', 'VN'), registration('vn2', 'VN', [], ['cloud'])],
    requests: [
      { fromCompanyId: 'vn2', toCompanyId: 'kr1', priority: 3, status: 'ACCEPTED' },
      { fromCompanyId: 'vn1', toCompanyId: 'kr1', priority: 5, status: 'ACCEPTED' },
      { fromCompanyId: 'vn1', toCompanyId: 'kr2', priority: 5, status: 'PENDING' },
    ],
    published: [
      { companyAId: 'kr1', companyBId: 'vn1', slotId: 's2', tableId: 't1' },
      { companyAId: 'kr3', companyBId: 'vn1', slotId: 's1', tableId: 't1' },
    ],
    window: ['s2', 's3', 's4'],
    freed: [{ companyAId: 'kr2', companyBId: 'vn2', slotId: 's2', absentCompanyId: 'kr2' }],
    floor: new Map([
      ['kr1', { checkedIn: true, absentFromSlotId: null }],
      ['kr2', { checkedIn: true, absentFromSlotId: 's2' }],
      ['kr3', { checkedIn: true, absentFromSlotId: null }],
      ['vn1', { checkedIn: true, absentFromSlotId: null }],
      ['vn2', { checkedIn: true, absentFromSlotId: null }],
    ]),
    ...patch,
  };
}

const inline: RefillSolver = async (instance, options) => solve(instance, options);

describe('buildRefillInstance', () => {
  it('keeps every published meeting of the window fixed and offers only pairs on the floor that do not meet yet', () => {
    const { instance, reasons } = buildRefillInstance(snapshot());
    expect(() => parseInstance(instance)).not.toThrow();
    expect(instance.slots.map((slot) => slot.id)).toEqual(['s2', 's3', 's4']);
    expect(instance.fixed).toEqual([{ a: 'kr1', b: 'vn1', slot: 's2', table: 't1' }]);
    // kr2 is absent, kr1–vn1 and kr3–vn1 meet already: vn2 with kr1 (its accepted request) or kr3 (recommended: cloud).
    expect(instance.pairs.map((pair) => `${pair.a}-${pair.b}`).sort()).toEqual(['kr1-vn2', 'kr3-vn2']);
    expect(reasons.get('kr1|vn2')).toEqual({ reason: 'REQUEST_ACCEPTED', requestedBy: ['vn2'], topics: [] });
    expect(reasons.get('kr3|vn2')).toMatchObject({ reason: 'RECOMMENDED', requestedBy: [], topics: ['cloud'] });
    // Meeting limits count the meetings outside the window: vn1 has 2 of 3, one in the window.
    expect(instance.companies.find((company) => company.id === 'vn1')).toMatchObject({ maxMeetings: 2 });
    expect(instance.companies.find((company) => company.id === 'kr2')).toMatchObject({ unavailable: ['s2', 's3', 's4'] });
  });

  it('leaves out companies that have not checked in', () => {
    const floor = snapshot().floor;
    floor.set('vn2', { checkedIn: false, absentFromSlotId: null });
    expect(buildRefillInstance(snapshot({ floor })).instance.pairs).toEqual([]);
  });
});

describe('solveRefill', () => {
  it('fills the place a company waits in first, and never touches the fixed meetings', async () => {
    const refill = buildRefillInstance(snapshot());
    expect(refill.waiting).toEqual([{ companyId: 'vn2', slotId: 's2' }]);
    const { meetings, bound } = await solveRefill(refill, inline, 1000);
    // vn2 waits in s2, where kr1 is busy: kr3 (recommended) fills it; kr1 (heavier, its request) would only fit later.
    expect(meetings.find((meeting) => meeting.slot === 's2')).toMatchObject({ a: 'kr3', b: 'vn2' });
    expect(meetings).toHaveLength(2);
    expect(bound).toBeGreaterThanOrEqual(meetings.length);
    const all = [...meetings, ...refill.instance.fixed!.map((f) => ({ a: f.a, b: f.b, slot: f.slot, table: f.table! }))];
    expect(checkSchedule(refill.instance, { format: MATCHER_FORMAT, meetings: all, objective: 0 })).toEqual([]);
  });
});
