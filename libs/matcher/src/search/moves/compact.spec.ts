import { Rng } from '../../rng';
import { checkMoveContract, smallForum, timetableWith } from '../../testing/move-harness';
import { compactMove } from './compact';

describe('compact move', () => {
  it("makes a company's day compact, bumping a partner's meeting that is in the way", () => {
    // kr1 meets vn1, vn2, vn3 at 9:00, 11:00 and 13:00: two holes.
    const instance = smallForum(5, ['kr1', 'vn1', 'vn2', 'vn3'], [['kr1', 'vn1'], ['kr1', 'vn2'], ['kr1', 'vn3']]);
    const tt = timetableWith(instance, [0, 2, 4]);
    expect(tt.gaps(0).holes).toBe(2);
    expect(compactMove(tt, new Rng(1), 0, 0)).toBe(true);
    expect(tt.gaps(0).holes).toBe(0);
    expect(tt.totalCost).toBe(0);
  });

  it('keeps the move contract on random forums', () => {
    const kept = checkMoveContract((tt, rng, temperature) => compactMove(tt, rng, rng.int(tt.problem.companyCount), temperature));
    expect(kept).toBeGreaterThan(0);
  });
});
