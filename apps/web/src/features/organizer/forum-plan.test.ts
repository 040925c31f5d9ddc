import { describe, expect, it } from 'vitest';
import { planForum } from './forum-plan';

describe('the live preview of a forum', () => {
  it('cuts sessions into slots as the server does, and counts the meeting places', () => {
    const plan = planForum(
      [
        { date: '2024-11-20', start: '09:00', end: '12:00' },
        { date: '2024-11-20', start: '13:30', end: '17:00' },
      ],
      'Asia/Ho_Chi_Minh',
      25,
      5,
      20,
    );
    // 09:00–12:00: 09:00, 09:30, … 11:30 (6); 13:30–17:00: 7.
    expect(plan.slotsPerSession).toEqual([6, 7]);
    expect(plan.slots).toBe(13);
    expect(plan.meetingPlaces).toBe(260);
    expect(plan.sessions?.[0]).toEqual({ startsAt: '2024-11-20T09:00:00+07:00', endsAt: '2024-11-20T12:00:00+07:00' });
  });

  it('keeps the last slot that ends exactly at the session end, and drops one that would run past it', () => {
    expect(planForum([{ date: '2024-11-20', start: '09:00', end: '10:00' }], 'Asia/Seoul', 30, 0, 1).slots).toBe(2);
    expect(planForum([{ date: '2024-11-20', start: '09:00', end: '10:00' }], 'Asia/Seoul', 30, 5, 1).slots).toBe(1);
  });

  it('has no sessions to send while one is incomplete', () => {
    const plan = planForum([{ date: '2024-11-20', start: '', end: '12:00' }], 'Asia/Seoul', 30, 0, 10);
    expect(plan.sessions).toBeNull();
    expect(plan.slots).toBe(0);
  });
});
