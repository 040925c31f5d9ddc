/**
 * The search: `construct` places the selected meetings (ejection chains),
 * `upgrade` and `fill` trade and top up the weight, `improve` removes holes by
 * simulated annealing over the moves in moves/ (each journalled on the
 * timetable and settled by the one acceptance rule in acceptance.ts).
 */
export { construct } from './construct';
export { fill, upgrade } from './upgrade';
export { improve, ImproveOptions } from './improve';
