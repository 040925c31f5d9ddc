import { describe, expect, it } from 'vitest';
import { clockTime, dayKey, groupByDay, longDate, sameClock, wallClockToIso } from './time';

// Run with TZ=Asia/Kathmandu (+05:45, see vitest.config.mts): code that forgets the zone shows :45 minutes.
const NINE_IN_DA_NANG = '2024-06-10T02:00:00.000Z';

describe('times on a named clock', () => {
  it('shows the forum clock and the viewer clock, not the machine clock', () => {
    expect(new Date(NINE_IN_DA_NANG).getTimezoneOffset()).toBe(-345);
    expect(clockTime(NINE_IN_DA_NANG, 'ko', 'Asia/Ho_Chi_Minh')).toBe('09:00');
    expect(clockTime(NINE_IN_DA_NANG, 'vi', 'Asia/Seoul')).toBe('11:00');
    expect(clockTime(NINE_IN_DA_NANG, 'en', 'America/New_York')).toBe('22:00');
    expect(dayKey(NINE_IN_DA_NANG, 'America/New_York')).toBe('2024-06-09');
    expect(sameClock(NINE_IN_DA_NANG, 'Asia/Ho_Chi_Minh', 'Asia/Bangkok')).toBe(true);
    expect(sameClock(NINE_IN_DA_NANG, 'Asia/Ho_Chi_Minh', 'Asia/Seoul')).toBe(false);
  });

  it('writes dates in the reader language', () => {
    expect(longDate(NINE_IN_DA_NANG, 'ko', 'Asia/Ho_Chi_Minh')).toBe('2024년 6월 10일 월요일');
    expect(longDate(NINE_IN_DA_NANG, 'vi', 'Asia/Ho_Chi_Minh')).toMatch(/^Thứ Hai, 10 tháng 6, 2024$/);
    expect(longDate(NINE_IN_DA_NANG, 'en', 'Asia/Ho_Chi_Minh')).toBe('Monday, June 10, 2024');
  });
});

describe('wall clock to an instant', () => {
  it('writes a forum time with its own offset, whatever the machine clock', () => {
    expect(wallClockToIso('2024-11-20', '09:00', 'Asia/Ho_Chi_Minh')).toBe('2024-11-20T09:00:00+07:00');
    expect(wallClockToIso('2024-11-20', '09:00', 'Asia/Seoul')).toBe('2024-11-20T09:00:00+09:00');
    expect(wallClockToIso('2024-11-20', '09:00', 'Asia/Kathmandu')).toBe('2024-11-20T09:00:00+05:45');
    // Either side of New York's change of offset.
    expect(wallClockToIso('2024-03-09', '09:00', 'America/New_York')).toBe('2024-03-09T09:00:00-05:00');
    expect(wallClockToIso('2024-03-11', '09:00', 'America/New_York')).toBe('2024-03-11T09:00:00-04:00');
    expect(new Date(wallClockToIso('2024-11-20', '13:30', 'Asia/Ho_Chi_Minh')!).toISOString()).toBe('2024-11-20T06:30:00.000Z');
  });

  it('refuses what is not a date or a time', () => {
    expect(wallClockToIso('2024-11-20', '9:00', 'Asia/Seoul')).toBeNull();
    expect(wallClockToIso('20/11/2024', '09:00', 'Asia/Seoul')).toBeNull();
  });
});

describe('grouping by day', () => {
  it("groups by the named clock's calendar day, not the machine's", () => {
    // 23:30 and 00:30 in Da Nang on the 10th/11th are both on the 11th in Seoul.
    const slots = [{ startsAt: '2024-06-10T16:30:00Z' }, { startsAt: '2024-06-10T17:30:00Z' }, { startsAt: '2024-06-11T02:00:00Z' }];
    expect(groupByDay(slots, 'Asia/Ho_Chi_Minh')).toEqual([[slots[0]], [slots[1], slots[2]]]);
    expect(groupByDay(slots, 'Asia/Seoul')).toEqual([[slots[0], slots[1], slots[2]]]);
  });
});
