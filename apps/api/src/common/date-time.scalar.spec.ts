import { DateTimeScalar, isoOf } from './date-time.scalar';

describe('DateTime serialisation', () => {
  it('gives the instant in UTC, the same as toISOString, for repeated, colliding and mutated dates', () => {
    const date = new Date('2026-06-10T09:00:00+07:00');
    expect(DateTimeScalar.serialize(date)).toBe('2026-06-10T02:00:00.000Z');
    expect(DateTimeScalar.serialize(date)).toBe('2026-06-10T02:00:00.000Z');
    // The same Date object, changed in place, is another instant.
    date.setUTCMinutes(30);
    expect(DateTimeScalar.serialize(date)).toBe('2026-06-10T02:30:00.000Z');
    // Instants 512 minutes apart share a cache entry; so do instants within the same minute.
    const base = Date.UTC(2026, 5, 10, 2, 0, 0);
    for (const time of [base, base + 512 * 60_000, base, base + 1, base + 59_999, base - 1, 0, -86_400_000]) {
      expect(isoOf(time)).toBe(new Date(time).toISOString());
    }
    expect(DateTimeScalar.serialize('2026-06-10T09:00:00+07:00')).toBe('2026-06-10T02:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow('invalid date');
  });
});
