import fc from 'fast-check';
import { Instance } from './format';
import { parseInstance } from './parse-instance';
import { Rng } from './rng';
import { arbitraryInstance } from './testing/arbitrary-instance';
import { Timetable } from './timetable';

/** Holes and breaks of one company counted slot by slot from who occupies what, slots s1 and s2 swapped. */
function naiveGaps(tt: Timetable, c: number, s1: number, s2: number) {
  const S = tt.slotCount;
  const busy = (s: number) => tt.occupant[c * S + (s === s1 ? s2 : s === s2 ? s1 : s)] !== -1;
  let holes = 0;
  let breaks = 0;
  let last = -1;
  for (let s = 0; s < S; s++) {
    if (s > 0 && tt.problem.slotDay[s] !== tt.problem.slotDay[s - 1]) last = -1;
    if (!busy(s)) continue;
    if (last !== -1 && s > last + 1) {
      holes += s - last - 1;
      breaks++;
    }
    last = s;
  }
  return { holes, breaks };
}

/** Places the instance's pairs at random where they fit, removes some again, then checks every company's counts. */
function checkCounts(instance: Instance, seed: number) {
  const { problem } = parseInstance(instance);
  const rng = new Rng(seed);
  for (const objective of ['holes', 'breaks'] as const) {
    const tt = new Timetable(problem, objective);
    problem.pairs.forEach((_, p) => {
      const m = tt.addMeeting(p, false);
      const free = Array.from(tt.meetingSlots[m]).filter((s) => tt.fits(m, s));
      if (free.length > 0) tt.place(m, free[rng.int(free.length)]);
    });
    for (let m = 0; m < tt.meetingCount; m++) if (tt.slotOf[m] !== -1 && rng.next() < 0.2) tt.remove(m);
    tt.refreshAllCosts();
    const S = tt.slotCount;
    for (let c = 0; c < problem.companyCount; c++) {
      expect(tt.gaps(c)).toEqual(naiveGaps(tt, c, -1, -1));
      for (let k = 0; k < 4 && S > 1; k++) {
        const s1 = rng.int(S);
        const s2 = rng.int(S);
        const { holes, breaks } = naiveGaps(tt, c, s1, s2);
        expect(tt.costSwapping(c, s1, s2)).toBe(objective === 'holes' ? holes * 64 + breaks : breaks * 64 + holes);
      }
      const s = rng.int(S);
      if (tt.occupant[c * S + s] === -1) {
        const occupied = naiveGaps(tt, c, -1, -1);
        tt.occupant[c * S + s] = -2; // what costIfAdded asks about, counted by hand
        const added = naiveGaps(tt, c, -1, -1);
        tt.occupant[c * S + s] = -1;
        const cost = (g: { holes: number; breaks: number }) => (objective === 'holes' ? g.holes * 64 + g.breaks : g.breaks * 64 + g.holes);
        expect(tt.costIfAdded(c, s)).toBe(cost(added) - cost(occupied));
      }
    }
  }
}

describe('Timetable gap counts', () => {
  it('match counting slot by slot, slots swapped or one added (random forums, days of 1–5 slots)', () => {
    fc.assert(
      fc.property(arbitraryInstance, fc.integer({ min: 1, max: 1_000_000 }), (instance, seed) => checkCounts(instance, seed)),
      { numRuns: 150 },
    );
  });

  it('match it on days of 31 to 40 slots (the last bit of a day, and days too long for its bit masks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 31, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), (slotsPerDay, seed) => {
        const slots = [0, 1].flatMap((day) =>
          Array.from({ length: slotsPerDay }, (_, k) => {
            const minutes = 8 * 60 + 15 * k;
            const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
            return { id: `d${day}s${k}`, start: `2024-06-1${day}T${time}:00+07:00`, end: `2024-06-1${day}T${time}:10+07:00` };
          }),
        );
        const companies = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}` }));
        const pairs = companies.flatMap((a, i) => companies.slice(i + 1).map((b) => ({ a: a.id, b: b.id, weight: 1 })));
        checkCounts({ format: 'forum-matcher/v1', slots, tables: [{ id: 'T1' }, { id: 'T2' }], companies, pairs: [...pairs, ...pairs.map((p) => ({ ...p, a: p.b, b: p.a }))].slice(0, 15) }, seed);
      }),
      { numRuns: 30 },
    );
  });
});
