import { Rng } from '../rng';
import { Timetable } from '../timetable';

/**
 * The one acceptance rule of the search (the Metropolis rule): a move that
 * does not raise the gap cost is kept; one that raises it by `delta` is kept
 * with probability exp(−delta / temperature), never at temperature 0.
 */
export function accepts(delta: number, temperature: number, rng: Rng): boolean {
  return delta <= 0 || (temperature > 0 && rng.next() < Math.exp(-delta / temperature));
}

/**
 * Ends a move started with `tt.beginJournal()` when its cost was `before`:
 * keeps it if the acceptance rule does, rolls it back otherwise. Returns
 * whether it was kept.
 */
export function settle(tt: Timetable, before: number, temperature: number, rng: Rng): boolean {
  if (accepts(tt.totalCost - before, temperature, rng)) {
    tt.commit();
    return true;
  }
  tt.rollback();
  return false;
}

/** Abandons a move started with `tt.beginJournal()`: every change is undone. */
export function abandon(tt: Timetable): false {
  tt.rollback();
  return false;
}
