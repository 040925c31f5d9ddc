/**
 * How much a forum gains from one meeting: the `weight` of a pair. The worker
 * builds `pairs` from the database with these helpers; the formula is
 * documented in libs/matcher/README.md. Kept apart from the optimiser, which
 * only ever sees the resulting numbers.
 */

export interface PairInterest {
  /** Priority (1 low – 5 high) of a request from the first company to the second, if any. */
  priorityAtoB?: number;
  /** Priority of a request the other way, if any. */
  priorityBtoA?: number;
  /** Recommendation score in [0, 1] (complementary offers/seeks, sectors, languages). */
  recommendation?: number;
  /** Organiser's boost, 0 (none) to 3 (must happen if at all possible). */
  boost?: number;
}

/** Weight of one request of priority p: 10 for priority 1, up to 26 for priority 5. */
export function requestWeight(priority: number): number {
  const p = Math.min(5, Math.max(1, Math.round(priority)));
  return 10 + 4 * (p - 1);
}

/**
 * The pair's weight, or 0 when nothing speaks for the meeting.
 *
 * - each request counts `requestWeight(priority)`;
 * - a mutual request (both directions) counts 1.5 × the sum, so it outweighs
 *   any one-sided request: a mutual pair of priority 1 (30) beats a one-sided 5 (26);
 * - a pair nobody requested weighs 1 + 4 × recommendation (at most 5), always
 *   below any request, so recommendations only fill room requests leave;
 * - the organiser's boost adds 20 per level.
 */
export function pairWeight(interest: PairInterest): number {
  const { priorityAtoB, priorityBtoA } = interest;
  const requested = [priorityAtoB, priorityBtoA].filter((p): p is number => p !== undefined);
  let weight: number;
  if (requested.length === 2) {
    weight = 1.5 * (requestWeight(requested[0]) + requestWeight(requested[1]));
  } else if (requested.length === 1) {
    weight = requestWeight(requested[0]);
  } else {
    const score = Math.min(1, Math.max(0, interest.recommendation ?? 0));
    weight = score > 0 ? 1 + 4 * score : 0;
  }
  const boost = Math.min(3, Math.max(0, Math.round(interest.boost ?? 0)));
  return weight > 0 || boost > 0 ? weight + 20 * boost : 0;
}

/**
 * Whether a meeting needs an interpreter table: the two delegations share no
 * language. Languages are compared case-insensitively as ISO 639-1 codes or names.
 */
export function needsInterpreter(languagesA: readonly string[], languagesB: readonly string[]): boolean {
  const spoken = new Set(languagesA.map((language) => language.trim().toLowerCase()));
  return !languagesB.some((language) => spoken.has(language.trim().toLowerCase()));
}
