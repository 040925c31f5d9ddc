import { Instance } from './format';
import { InstanceError, parseInstance } from './parse-instance';

const valid = (): Instance => ({
  format: 'forum-matcher/v1',
  slots: [
    { id: 'd1-0900', start: '2024-06-10T09:00:00+07:00', end: '2024-06-10T09:30:00+07:00' },
    { id: 'd1-0930', start: '2024-06-10T09:30:00+07:00', end: '2024-06-10T10:00:00+07:00' },
    { id: 'd2-0900', start: '2024-06-11T09:00:00+07:00', end: '2024-06-11T09:30:00+07:00' },
  ],
  tables: [{ id: 'T01', interpreter: true }, { id: 'T02' }],
  companies: [
    { id: 'kr-001', side: 'KR', maxMeetings: 8, unavailable: ['d1-0900'] },
    { id: 'kr-002', side: 'KR' },
    { id: 'vn-014', side: 'VN' },
  ],
  pairs: [
    { a: 'kr-001', b: 'vn-014', weight: 30, needsInterpreter: true },
    { a: 'kr-002', b: 'vn-014', weight: 12, onlySlots: ['d1-0930'] },
  ],
  fixed: [{ a: 'kr-001', b: 'vn-014', slot: 'd1-0930', table: 'T01' }],
});

function issuesOf(change: (instance: Instance) => void): string[] {
  const instance = valid();
  change(instance);
  try {
    parseInstance(instance);
  } catch (error) {
    if (error instanceof InstanceError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseInstance', () => {
  it('accepts the format example and indexes it', () => {
    const { problem } = parseInstance(valid());
    expect(problem.slotCount).toBe(3);
    expect(Array.from(problem.slotDay)).toEqual([0, 0, 1]);
    expect(problem.interpreterTableCount).toBe(1);
    // kr-001 is away at 09:00, so its pair can use the two other slots; kr-002's only 09:30.
    expect(Array.from(problem.pairs[0].slots)).toEqual([1, 2]);
    expect(Array.from(problem.pairs[1].slots)).toEqual([1]);
    expect(problem.fixed).toEqual([{ pair: 0, slot: 1, table: 0 }]);
    expect(Array.from(problem.companyCapacity)).toEqual([2, 3, 3]);
  });

  it.each<[string, (instance: Instance) => void, RegExp]>([
    ['wrong format', (i) => ((i as { format: string }).format = 'v0'), /^format: must be "forum-matcher\/v1"/],
    ['duplicate slot id', (i) => (i.slots[1].id = 'd1-0900'), /^slots\[1\]\.id: duplicate slot id "d1-0900"/],
    ['bad slot time', (i) => (i.slots[0].start = '9am'), /^slots\[0\]\.start: must be an ISO 8601/],
    ['slot ending before it starts', (i) => (i.slots[0].end = '2024-06-10T08:00:00+07:00'), /^slots\[0\]: end must be after start/],
    ['duplicate table id', (i) => (i.tables[1].id = 'T01'), /^tables\[1\]\.id: duplicate table id/],
    ['duplicate company id', (i) => (i.companies[1].id = 'kr-001'), /^companies\[1\]\.id: duplicate company id/],
    ['unknown unavailable slot', (i) => (i.companies[0].unavailable = ['d9']), /^companies\[0\]\.unavailable\[0\]: unknown slot "d9"/],
    ['negative maxMeetings', (i) => (i.companies[0].maxMeetings = -1), /^companies\[0\]\.maxMeetings: must be a whole number/],
    ['unknown company in a pair', (i) => (i.pairs[0].b = 'vn-999'), /^pairs\[0\]\.b: unknown company "vn-999"/],
    ['pair within one side', (i) => (i.pairs[1].b = 'kr-001'), /^pairs\[1\]: both companies are on side "KR"/],
    ['zero weight', (i) => (i.pairs[0].weight = 0), /^pairs\[0\]\.weight: must be a positive number \(got 0\)/],
    ['pair listed twice', (i) => i.pairs.push({ a: 'vn-014', b: 'kr-001', weight: 1 }), /^pairs\[2\]: the pair vn-014–kr-001 is listed twice/],
    ['unknown onlySlots slot', (i) => (i.pairs[1].onlySlots = ['x']), /^pairs\[1\]\.onlySlots\[0\]: unknown slot "x"/],
    ['fixed in an unavailable slot', (i) => (i.fixed![0].slot = 'd1-0900'), /^fixed\[0\]: kr-001 is unavailable in slot d1-0900/],
    ['fixed needing an interpreter at a plain table', (i) => (i.fixed![0].table = 'T02'), /^fixed\[0\]: the pair needs an interpreter but table T02 has none/],
    ['fixed outside onlySlots', (i) => i.fixed!.push({ a: 'kr-002', b: 'vn-014', slot: 'd2-0900' }), /^fixed\[1\]: slot d2-0900 is outside the pair's onlySlots/],
    ['two fixed meetings of one company in a slot', (i) => i.fixed!.push({ a: 'kr-002', b: 'vn-014', slot: 'd1-0930' }), /^fixed\[1\]: vn-014 already has fixed\[0\] in slot d1-0930/],
    ['two fixed meetings at one table', (i) => {
      i.companies.push({ id: 'vn-015', side: 'VN' });
      i.fixed!.push({ a: 'kr-002', b: 'vn-015', slot: 'd1-0930', table: 'T01' });
    }, /^fixed\[1\]: table T01 already holds fixed\[0\] in slot d1-0930/],
  ])('rejects %s, naming the entry and field', (_name, change, message) => {
    const issues = issuesOf(change);
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('lists every problem at once', () => {
    const issues = issuesOf((i) => {
      i.pairs[0].weight = -3;
      i.pairs[1].a = 'nobody';
    });
    expect(issues).toHaveLength(2);
  });

  it('refuses what is not an instance at all', () => {
    expect(() => parseInstance(null)).toThrow(InstanceError);
    expect(() => parseInstance({ format: 'forum-matcher/v1' })).toThrow(/slots: must be an array/);
  });

  it('takes slots in the order listed, with a warning, when their times go backwards', () => {
    const instance = valid();
    instance.slots[1].start = '2024-06-10T08:00:00+07:00';
    instance.slots[1].end = '2024-06-10T08:30:00+07:00';
    expect(parseInstance(instance).problem.warnings).toEqual([expect.stringMatching(/slots\[1\] \(d1-0930\) starts before/)]);
  });
});
