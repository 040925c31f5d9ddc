import { Rng } from '../rng';
import { smallForum, timetableWith } from '../testing/move-harness';
import { accepts, settle } from './acceptance';

describe('the acceptance rule', () => {
  it('keeps moves that do not raise the cost, never a worse one at temperature 0', () => {
    const rng = new Rng(1);
    expect(accepts(-64, 0, rng)).toBe(true);
    expect(accepts(0, 0, rng)).toBe(true);
    expect(accepts(1, 0, rng)).toBe(false);
  });

  it('keeps a worse move with probability exp(−delta / temperature)', () => {
    const rng = new Rng(7);
    let kept = 0;
    for (let i = 0; i < 20_000; i++) if (accepts(64, 64, rng)) kept++;
    expect(kept / 20_000).toBeCloseTo(Math.exp(-1), 1);
  });

  it('settle rolls a refused move back through the timetable journal, costs included', () => {
    const tt = timetableWith(smallForum(3, ['kr1', 'vn1', 'vn2'], [['kr1', 'vn1'], ['kr1', 'vn2']]), [0, 1]);
    tt.beginJournal();
    tt.removeAndCost(1);
    tt.placeAndCost(1, 2);
    expect(settle(tt, 0, 0, new Rng(1))).toBe(false);
    expect(tt.slotOf).toEqual([0, 1]);
    expect(tt.totalCost).toBe(0);
  });
});
