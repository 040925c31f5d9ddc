import { Rng } from '../../rng';
import { checkMoveContract, smallForum, timetableWith } from '../../testing/move-harness';
import { ejectionMove } from './ejection';

describe('ejection-chain move', () => {
  it('sends the meeting in the way to its best free slot', () => {
    // kr1: vn1 at 9:00, vn2 at 11:00 (a hole); vn2 also meets kr2 at 10:00, which can go to 9:00... or 11:00.
    const instance = smallForum(3, ['kr1', 'kr2', 'vn1', 'vn2'], [['kr1', 'vn1'], ['kr1', 'vn2'], ['kr2', 'vn2']]);
    const tt = timetableWith(instance, [0, 2, 1]);
    expect(ejectionMove(tt, new Rng(1), 1, 1, 0)).toBe(true);
    expect(tt.slotOf[1]).toBe(1);
    expect(tt.slotOf[2]).not.toBe(1);
    expect(tt.totalCost).toBe(0);
  });

  it('refuses, changing nothing, when a fixed meeting is in the way', () => {
    const instance = smallForum(3, ['kr1', 'kr2', 'vn1', 'vn2'], [['kr1', 'vn1'], ['kr1', 'vn2'], ['kr2', 'vn2']]);
    const tt = timetableWith(instance, [0, 2, 1]);
    tt.meetingFixed[2] = true;
    expect(ejectionMove(tt, new Rng(1), 1, 1, 0)).toBe(false);
    expect(tt.slotOf).toEqual([0, 2, 1]);
  });

  it('keeps the move contract on random forums', () => {
    const kept = checkMoveContract((tt, rng, temperature) => {
      const placed = tt.slotOf.flatMap((s, m) => (s === -1 || tt.meetingFixed[m] ? [] : [m]));
      if (placed.length === 0) return false;
      const m = placed[rng.int(placed.length)];
      return ejectionMove(tt, rng, m, tt.meetingSlots[m][rng.int(tt.meetingSlots[m].length)], temperature);
    });
    expect(kept).toBeGreaterThan(0);
  });
});
