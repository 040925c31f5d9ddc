import { MATCHER_FORMAT, Schedule } from './format';
import { parseInstance } from './parse-instance';

/**
 * First come, first served: what booking platforms amount to. Fixed meetings
 * first, then each pair in the order given (the order requests arrived) takes
 * the earliest slot where both companies are free and a suitable table is
 * free. The baseline the benchmarks compare the optimiser with.
 */
export function greedySchedule(input: unknown): Schedule {
  const { problem } = parseInstance(input);
  const S = problem.slotCount;
  const busy = new Uint8Array(problem.companyCount * S);
  const tableTaken = new Uint8Array(problem.tableCount * S);
  const count = new Int32Array(problem.companyCount);
  const meetings: Schedule['meetings'] = [];
  let objective = 0;
  const book = (pair: number, s: number, t: number) => {
    const p = problem.pairs[pair];
    busy[p.a * S + s] = 1;
    busy[p.b * S + s] = 1;
    tableTaken[t * S + s] = 1;
    count[p.a]++;
    count[p.b]++;
    objective += p.weight;
    meetings.push({ a: problem.companyIds[p.a], b: problem.companyIds[p.b], slot: problem.slotIds[s], table: problem.tableIds[t] });
  };
  const freeTable = (s: number, interpreter: boolean) => {
    // Keep interpreter tables for those who need them while plain ones are free.
    for (const wantInterpreter of interpreter ? [true] : [false, true]) {
      for (let t = 0; t < problem.tableCount; t++) {
        if (problem.tableInterpreter[t] === wantInterpreter && !tableTaken[t * S + s]) return t;
      }
    }
    return -1;
  };
  const fixedPairs = new Set<number>();
  for (const f of problem.fixed.filter((f) => f.table >= 0)) {
    book(f.pair, f.slot, f.table);
    fixedPairs.add(f.pair);
  }
  for (const f of problem.fixed.filter((f) => f.table < 0)) {
    book(f.pair, f.slot, freeTable(f.slot, problem.pairs[f.pair].needsInterpreter));
    fixedPairs.add(f.pair);
  }
  problem.pairs.forEach((p, i) => {
    if (fixedPairs.has(i) || p.fixedOnly) return;
    if (count[p.a] >= problem.companyCapacity[p.a] || count[p.b] >= problem.companyCapacity[p.b]) return;
    for (const s of p.slots) {
      if (busy[p.a * S + s] || busy[p.b * S + s]) continue;
      const t = freeTable(s, p.needsInterpreter);
      if (t >= 0) {
        book(i, s, t);
        return;
      }
    }
  });
  return { format: MATCHER_FORMAT, meetings, objective: Math.round(objective * 1e6) / 1e6 };
}
