import { localClock, localDateTime } from './local-time';

describe('localDateTime', () => {
  it('shows an instant on the forum wall clock with its offset', () => {
    expect(localDateTime(new Date('2024-06-10T02:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2024-06-10T09:00:00+07:00');
    expect(localDateTime(new Date('2024-06-10T02:00:00Z'), 'Asia/Seoul')).toBe('2024-06-10T11:00:00+09:00');
    expect(localDateTime(new Date('2024-06-10T02:00:00Z'), 'UTC')).toBe('2024-06-10T02:00:00+00:00');
    expect(localClock(new Date('2024-06-10T16:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('23:30');
  });
});
