import { parseInstance } from '@forum/matcher';
import { buildInstance, ForumSnapshot } from './build-instance';

const profile = (offers: string[], seeks: string[], languages: string[]) => ({ name: 'X', sectors: ['SOFTWARE'], offers, seeks, languages });

function snapshot(patch: Partial<ForumSnapshot> = {}): ForumSnapshot {
  return {
    forum: { id: 'f', sides: ['KR', 'VN'], maxMeetingsPerCompany: 8, timeZone: 'Asia/Ho_Chi_Minh' },
    slots: [
      { id: 's1', startsAt: new Date('2024-06-10T02:00:00Z'), endsAt: new Date('2024-06-10T02:30:00Z') },
      { id: 's2', startsAt: new Date('2024-06-10T02:30:00Z'), endsAt: new Date('2024-06-10T03:00:00Z') },
    ],
    tables: [{ id: 't1', interpreter: true }, { id: 't2', interpreter: false }],
    registrations: [
      { companyId: 'kr1', side: 'KR', maxMeetings: null, unavailableSlotIds: ['s2'], languages: ['ko'], profile: profile(['AI models'], ['offshore teams'], ['ko']) },
      { companyId: 'kr2', side: 'KR', maxMeetings: 3, unavailableSlotIds: [], languages: ['ko', 'en'], profile: profile(['chips'], ['assembly'], ['ko', 'en']) },
      { companyId: 'vn1', side: 'VN', maxMeetings: null, unavailableSlotIds: [], languages: ['vi'], profile: profile(['offshore teams'], ['AI models'], ['vi']) },
      { companyId: 'vn2', side: 'VN', maxMeetings: null, unavailableSlotIds: [], languages: ['vi', 'en'], profile: profile(['hosting'], ['design'], ['vi', 'en']) },
    ],
    requests: [
      { fromCompanyId: 'vn1', toCompanyId: 'kr1', priority: 5, status: 'ACCEPTED' },
      { fromCompanyId: 'kr1', toCompanyId: 'vn1', priority: 1, status: 'PENDING' },
      { fromCompanyId: 'vn2', toCompanyId: 'kr2', priority: 3, status: 'PENDING' },
    ],
    published: [],
    ...patch,
  };
}

describe('buildInstance', () => {
  it('turns a forum into a valid forum-matcher/v1 instance with weights from both directions', () => {
    const { instance, requestsByPair, requestsTotal } = buildInstance(snapshot(), { includeRecommendations: false });
    expect(() => parseInstance(instance)).not.toThrow();
    // Slots on the forum's clock, so the matcher's days are the forum's dates.
    expect(instance.slots[0]).toEqual({ id: 's1', start: '2024-06-10T09:00:00+07:00', end: '2024-06-10T09:30:00+07:00' });
    expect(instance.companies).toContainEqual({ id: 'kr1', side: 'KR', maxMeetings: 8, unavailable: ['s2'] });
    expect(instance.companies).toContainEqual({ id: 'kr2', side: 'KR', maxMeetings: 3 });
    // Mutual (5 and 1): 1.5 × (26 + 10); no shared language: interpreter.
    expect(instance.pairs).toContainEqual({ a: 'kr1', b: 'vn1', weight: 54, needsInterpreter: true });
    // One-sided priority 3; both speak English.
    expect(instance.pairs).toContainEqual({ a: 'kr2', b: 'vn2', weight: 18 });
    expect(instance.pairs).toHaveLength(2);
    expect(requestsTotal).toBe(3);
    expect([...requestsByPair.values()].sort()).toEqual([1, 2]);
  });

  it('adds recommended pairs nobody requested, lighter than any request, only across sides, when asked', () => {
    const { instance } = buildInstance(snapshot({ requests: [] }), { includeRecommendations: true });
    const kr1vn1 = instance.pairs.find((pair) => pair.a === 'kr1' && pair.b === 'vn1');
    expect(kr1vn1).toBeDefined();
    expect(kr1vn1!.weight).toBeGreaterThan(0);
    expect(kr1vn1!.weight).toBeLessThan(10);
    expect(instance.pairs.every((pair) => pair.a.slice(0, 2) !== pair.b.slice(0, 2))).toBe(true);
    expect(buildInstance(snapshot({ requests: [] }), { includeRecommendations: false }).instance.pairs).toEqual([]);
  });

  it('keeps published meetings as fixed, with their slot and table', () => {
    const { instance } = buildInstance(snapshot({ published: [{ companyAId: 'kr2', companyBId: 'vn2', slotId: 's2', tableId: 't2' }] }), { includeRecommendations: false });
    expect(instance.fixed).toEqual([{ a: 'kr2', b: 'vn2', slot: 's2', table: 't2' }]);
    expect(() => parseInstance(instance)).not.toThrow();
  });
});
