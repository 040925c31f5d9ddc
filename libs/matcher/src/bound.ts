import { parseInstance } from './parse-instance';
import { selectPairs } from './selection';

/**
 * The matcher's upper bound on the weight of any schedule of an instance
 * (fixed meetings plus a maximum-weight b-matching, see selectPairs), without
 * scheduling it. Throws InstanceError for an invalid instance.
 */
export function weightBound(input: unknown): number {
  const { problem } = parseInstance(input);
  return selectPairs(problem).upperBound;
}
