import { describe, expect, it } from 'vitest';
import { clockTime, dayKey, longDate, sameClock } from './time';

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
