import { Instance, parseInstance } from '@forum/matcher';
import { assignMinCost } from '../libs/matcher/src/assignment';

/**
 * A lower bound on the breaks of any schedule that holds every pair: the
 * participants who could not have all their meetings back to back on one day
 * even if nobody else had constraints (checked with a perfect matching of
 * their meetings into every run of consecutive slots).
 */
export function breaksLowerBound(instance: Instance): number {
  const { problem } = parseInstance(instance);
  const S = problem.slotCount;
  const meetingsOf: number[][] = Array.from({ length: problem.companyCount }, () => []);
  problem.pairs.forEach((pair, i) => {
    meetingsOf[pair.a].push(i);
    meetingsOf[pair.b].push(i);
  });
  let bound = 0;
  for (const meetings of meetingsOf) {
    const d = meetings.length;
    if (d === 0) continue;
    let compact = false;
    for (let start = 0; start + d <= S && !compact; start++) {
      if (problem.slotDay[start] !== problem.slotDay[start + d - 1]) continue;
      const slotsOf = meetings.map((p) => new Set(problem.pairs[p].slots));
      compact = assignMinCost(d, d, (i, j) => (slotsOf[i].has(start + j) ? 0 : Infinity)) !== null;
    }
    if (!compact) bound++;
  }
  return bound;
}
