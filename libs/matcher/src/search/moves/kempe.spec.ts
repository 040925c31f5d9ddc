import { Rng } from '../../rng';
import { checkMoveContract, smallForum, timetableWith } from '../../testing/move-harness';
import { holeMove, KempeMove } from './kempe';

describe('Kempe move', () => {
  const companies = ['kr1', 'kr2', 'vn1', 'vn2'];

  it('moves a meeting into a hole and swaps the meeting in its way the other way', () => {
    // kr1 meets vn1 at 9:00 and vn2 at 11:00 (a hole at 10:00, where vn2 meets kr2).
    const instance = smallForum(3, companies, [['kr1', 'vn1'], ['kr1', 'vn2'], ['kr2', 'vn2']]);
    const tt = timetableWith(instance, [0, 2, 1]);
    expect(tt.totalCost).toBeGreaterThan(0);
    expect(new KempeMove(tt, new Rng(1)).apply(1, 1, 0)).toBe(true);
    expect(tt.slotOf).toEqual([0, 1, 2]);
    expect(tt.totalCost).toBe(0);
  });

  it('is not kept at temperature 0 when it would open a hole', () => {
    const instance = smallForum(3, companies, [['kr1', 'vn1'], ['kr1', 'vn2']]);
    const tt = timetableWith(instance, [0, 1]);
    expect(new KempeMove(tt, new Rng(1)).apply(1, 2, 0)).toBe(false);
    expect(tt.slotOf).toEqual([0, 1]);
  });

  it('aimed at a hole: the edge meeting of the company with a gap moves into it', () => {
    const instance = smallForum(4, companies, [['kr1', 'vn1'], ['kr1', 'vn2']]);
    const tt = timetableWith(instance, [0, 3]);
    const kept = holeMove(tt, new Rng(3), new KempeMove(tt, new Rng(3)), 0, 0);
    expect(kept).toBe(true);
    expect(tt.gaps(0).holes).toBeLessThan(2);
  });

  it('keeps the move contract on random forums', () => {
    let kempe: KempeMove | null = null;
    const kept = checkMoveContract((tt, rng, temperature) => {
      kempe = new KempeMove(tt, rng);
      const placed = tt.slotOf.flatMap((s, m) => (s === -1 || tt.meetingFixed[m] ? [] : [m]));
      if (placed.length === 0) return false;
      const m = placed[rng.int(placed.length)];
      return kempe.apply(m, tt.meetingSlots[m][rng.int(tt.meetingSlots[m].length)], temperature);
    });
    expect(kept).toBeGreaterThan(0);
  });
});
