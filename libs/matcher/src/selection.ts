import { MinCostFlow } from './min-cost-flow';
import { Problem } from './problem';

export interface Selection {
  /** Pair indices chosen to meet (fixed pairs included), best first. */
  chosen: number[];
  /**
   * An upper bound on the weight of any schedule: the fixed meetings plus a
   * maximum-weight b-matching of the other pairs, each company limited to the
   * meetings it can still have and all of them to the tables left over the slots
   * (the LP relaxation of the selection problem, exact for two-sided forums).
   */
  upperBound: number;
}

/**
 * Chooses which pairs should meet, ignoring the timetable: a maximum-weight
 * b-matching by min-cost flow. Two-sided forums (a bipartite pair graph) are
 * solved exactly; otherwise the bipartite double cover gives the fractional
 * optimum (x ∈ {0, ½, 1}), rounded by taking whole edges first, then halves by weight.
 */
export function selectPairs(problem: Problem, onPhase?: () => void): Selection {
  const { pairs } = problem;
  const fixedPairs = new Set(problem.fixed.map((f) => f.pair));
  const remaining = Int32Array.from(problem.companyCapacity);
  let fixedWeight = 0;
  let fixedInterpreter = 0;
  for (const f of problem.fixed) {
    const pair = pairs[f.pair];
    remaining[pair.a]--;
    remaining[pair.b]--;
    fixedWeight += pair.weight;
    if (pair.needsInterpreter) fixedInterpreter++;
  }
  const tablesLeft = problem.slotCount * problem.tableCount - problem.fixed.length;
  let interpreterTablesLeft = -fixedInterpreter;
  for (let s = 0; s < problem.slotCount; s++) {
    let taken = 0;
    for (const f of problem.fixed) {
      if (f.slot === s && f.table >= 0 && problem.tableInterpreter[f.table] && !pairs[f.pair].needsInterpreter) taken++;
    }
    interpreterTablesLeft += problem.interpreterTableCount - taken;
  }
  const candidates: number[] = [];
  pairs.forEach((pair, i) => {
    if (!fixedPairs.has(i) && pair.weight > 0 && pair.slots.length > 0 && remaining[pair.a] > 0 && remaining[pair.b] > 0) {
      candidates.push(i);
    }
  });
  const side = twoColouring(problem.companyCount, candidates.map((i) => pairs[i]));
  const solveFor = (penalty: number) =>
    bMatching(problem, candidates, remaining, tablesLeft, side, penalty, onPhase);

  // Interpreter tables are a budget on the meetings that need them. Lagrangian
  // relaxation: charge each such meeting `penalty`; for any penalty ≥ 0,
  // L(penalty) = matching(penalty) + penalty × budget bounds the true optimum from
  // above. L is convex and piecewise linear, with slope budget − interpreter meetings.
  const budget = interpreterTablesLeft;
  let best = solveFor(0);
  let upperBound = best.penalised;
  if (best.interpreterMeetings > budget) {
    let feasible: BMatching | null = null;
    const evaluate = (penalty: number) => {
      const result = solveFor(penalty);
      const value = result.penalised + penalty * budget;
      upperBound = Math.min(upperBound, value);
      if (result.interpreterMeetings <= budget && (!feasible || result.weight > feasible.weight)) feasible = result;
      return { penalty, value, slope: budget - result.interpreterMeetings, result };
    };
    // Whole penalties first (request weights are whole, so L mostly bends at whole
    // penalties or near them; recommended pairs' weights need not be, which the
    // tangent steps below handle): bisection for the last one with too many
    // interpreter meetings. At the heaviest weight no interpreter meeting is worth anything.
    let low = { penalty: 0, value: best.penalised, slope: budget - best.interpreterMeetings, result: best };
    let high = evaluate(Math.ceil(candidates.reduce((max, i) => Math.max(max, pairs[i].weight), 0)));
    while (high.penalty - low.penalty > 1) {
      const middle = evaluate(Math.floor((low.penalty + high.penalty) / 2));
      if (middle.slope < 0) low = middle;
      else high = middle;
    }
    // Then the bend between them: where the two sides' tangents meet, until L is there
    // as low as the tangents say (the minimum) or the steps run out.
    for (let step = 0; step < 6 && low.slope < 0 && high.slope > 0; step++) {
      const penalty = (high.value - low.value + low.slope * low.penalty - high.slope * high.penalty) / (low.slope - high.slope);
      if (!(penalty > low.penalty + 1e-9 && penalty < high.penalty - 1e-9)) break;
      const tangents = low.value + low.slope * (penalty - low.penalty);
      const at = evaluate(penalty);
      if (at.value <= tangents + 1e-6) break;
      if (at.slope < 0) low = at;
      else high = at;
    }
    best = feasible ?? high.result;
  }

  // Round: whole edges first, then half edges (odd cycles) by weight, within budgets.
  const chosen = [...fixedPairs];
  const left = Int32Array.from(remaining);
  let room = tablesLeft;
  let interpreterRoom = interpreterTablesLeft;
  const take = (i: number) => {
    const { a, b, needsInterpreter } = pairs[i];
    if (room <= 0 || left[a] <= 0 || left[b] <= 0 || (needsInterpreter && interpreterRoom <= 0)) return;
    left[a]--;
    left[b]--;
    room--;
    if (needsInterpreter) interpreterRoom--;
    chosen.push(i);
  };
  best.whole.forEach(take);
  best.halves.sort((x, y) => pairs[y].weight - pairs[x].weight).forEach(take);
  return { chosen, upperBound: fixedWeight + Math.max(upperBound, 0) };
}

interface BMatching {
  /** Optimal value of the (relaxed) matching with penalised weights. */
  penalised: number;
  /** The same matching's value with real weights. */
  weight: number;
  interpreterMeetings: number;
  whole: number[];
  halves: number[];
}

function bMatching(
  problem: Problem,
  candidates: number[],
  remaining: Int32Array,
  tablesLeft: number,
  side: Int8Array | null,
  penalty: number,
  onPhase?: () => void,
): BMatching {
  const { pairs, companyCount } = problem;
  const bipartite = side !== null;
  const weightOf = (i: number) => pairs[i].weight - (pairs[i].needsInterpreter ? penalty : 0);
  const useful = candidates.filter((i) => weightOf(i) > 0);
  // Nodes: source, hub, left copies, right copies, sink.
  const source = 0;
  const hub = 1;
  const left = (c: number) => 2 + c;
  const right = (c: number) => 2 + companyCount + c;
  const sink = 2 + 2 * companyCount;
  const copies = bipartite ? 1 : 2;
  const flow = new MinCostFlow(sink + 1, 2 * companyCount + 1 + copies * useful.length);
  flow.addArc(source, hub, copies * Math.max(0, tablesLeft), 0);
  for (let c = 0; c < companyCount; c++) {
    if (remaining[c] <= 0) continue;
    if (!bipartite || side![c] === 0) flow.addArc(hub, left(c), remaining[c], 0);
    if (!bipartite || side![c] === 1) flow.addArc(right(c), sink, remaining[c], 0);
  }
  const potentials = new Float64Array(sink + 1);
  const arcs: number[][] = useful.map((i) => {
    const { a, b } = pairs[i];
    const w = weightOf(i);
    const ends: [number, number][] = bipartite ? [side![a] === 0 ? [a, b] : [b, a]] : [[a, b], [b, a]];
    return ends.map(([l, r]) => {
      // Initial potentials: shortest distances on the acyclic start graph.
      potentials[right(r)] = Math.min(potentials[right(r)], -w);
      potentials[sink] = Math.min(potentials[sink], -w);
      return flow.addArc(left(l), right(r), 1, -w);
    });
  });
  const cost = flow.solve(source, sink, potentials, { stopAtNonNegative: true, onPhase });

  const result: BMatching = { penalised: -cost / copies, weight: 0, interpreterMeetings: 0, whole: [], halves: [] };
  useful.forEach((i, k) => {
    const used = arcs[k].reduce((sum, arc) => sum + flow.flowOn(arc), 0);
    if (used < 1e-9) return;
    const share = used / copies;
    result.weight += share * pairs[i].weight;
    if (pairs[i].needsInterpreter) result.interpreterMeetings += share;
    (used >= copies - 1e-9 ? result.whole : result.halves).push(i);
  });
  return result;
}

/** Sides 0/1 making every pair cross, or null when the pair graph has an odd cycle. */
function twoColouring(companyCount: number, edges: { a: number; b: number }[]): Int8Array | null {
  const adjacency: number[][] = Array.from({ length: companyCount }, () => []);
  for (const { a, b } of edges) {
    adjacency[a].push(b);
    adjacency[b].push(a);
  }
  const colour = new Int8Array(companyCount).fill(-1);
  for (let start = 0; start < companyCount; start++) {
    if (colour[start] !== -1) continue;
    colour[start] = 0;
    const stack = [start];
    while (stack.length) {
      const u = stack.pop()!;
      for (const v of adjacency[u]) {
        if (colour[v] === -1) {
          colour[v] = 1 - colour[u];
          stack.push(v);
        } else if (colour[v] === colour[u]) {
          return null;
        }
      }
    }
  }
  return colour;
}
