import { ScheduledMeeting } from './format';
import { Problem } from './problem';
import { Timetable } from './timetable';

/**
 * Gives every placed meeting a table: fixed tables first, then interpreter
 * meetings to interpreter tables, then the rest, preferring the table either
 * company sat at in the slot before (fewer walks between meetings).
 */
export function assignTables(problem: Problem, timetable: Timetable): ScheduledMeeting[] {
  const S = problem.slotCount;
  const fixedTable = new Map(problem.fixed.filter((f) => f.table >= 0).map((f) => [f.pair, f.table]));
  const tableOf = new Int32Array(timetable.meetingCount).fill(-1);
  const companyTable = new Int32Array(problem.companyCount * S).fill(-1);
  const result: ScheduledMeeting[] = [];
  const interpreterTables = problem.tableInterpreter.flatMap((yes, t) => (yes ? [t] : []));
  const plainTables = problem.tableInterpreter.flatMap((yes, t) => (yes ? [] : [t]));

  for (let s = 0; s < S; s++) {
    const members = [...timetable.members(s)].sort((x, y) => x - y);
    const taken = new Uint8Array(problem.tableCount);
    const seat = (m: number, t: number) => {
      tableOf[m] = t;
      taken[t] = 1;
      companyTable[timetable.meetingA[m] * S + s] = t;
      companyTable[timetable.meetingB[m] * S + s] = t;
    };
    for (const m of members) {
      const t = fixedTable.get(timetable.meetingPair[m]);
      if (t !== undefined) seat(m, t);
    }
    const pick = (m: number, pools: number[][]) => {
      if (s > 0) {
        for (const c of [timetable.meetingA[m], timetable.meetingB[m]]) {
          const previous = companyTable[c * S + s - 1];
          if (previous >= 0 && !taken[previous] && pools.some((pool) => pool.includes(previous))) return previous;
        }
      }
      for (const pool of pools) for (const t of pool) if (!taken[t]) return t;
      return -1;
    };
    for (const m of members) {
      if (tableOf[m] === -1 && timetable.meetingInterpreter[m]) seat(m, pick(m, [interpreterTables]));
    }
    for (const m of members) {
      if (tableOf[m] === -1) seat(m, pick(m, [plainTables, interpreterTables]));
    }
    for (const m of members) {
      const pair = problem.pairs[timetable.meetingPair[m]];
      result.push({
        a: problem.companyIds[pair.a],
        b: problem.companyIds[pair.b],
        slot: problem.slotIds[s],
        table: problem.tableIds[tableOf[m]],
      });
    }
  }
  return result;
}
