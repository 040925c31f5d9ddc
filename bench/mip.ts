/**
 * The exact weight optimum by mixed-integer programming (HiGHS, WASM build):
 * one binary per pair and usable slot; each pair meets at most once; each
 * company at most once per slot and at most maxMeetings times; each slot at
 * most as many meetings as tables and interpreter meetings as interpreter
 * tables. Holes are not part of this model: it answers "how much weight is
 * possible at all". Only for small forums (the model grows as pairs × slots).
 */
import { Instance, MATCHER_FORMAT, parseInstance, Schedule } from '@forum/matcher';

// highs ships no CommonJS typings of its own worth importing here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const highsLoader = require('highs') as () => Promise<{ solve(model: string, options?: object): HighsResult }>;

interface HighsResult {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
  Info?: { mip_dual_bound?: number };
}

export async function solveMip(instance: Instance, timeLimitSeconds: number, options: { presolve?: 'on' | 'off' } = {}) {
  const { problem } = parseInstance(instance);
  const lines: string[] = [];
  const terms: string[] = [];
  const byCompanySlot = new Map<string, string[]>();
  const bySlot = new Map<number, string[]>();
  const bySlotInterpreter = new Map<number, string[]>();
  const byCompany = new Map<number, string[]>();
  const push = <K>(map: Map<K, string[]>, key: K, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  const variables: { name: string; pair: number; slot: number }[] = [];
  problem.pairs.forEach((pair, p) => {
    const names: string[] = [];
    for (const s of pair.slots) {
      const name = `x${p}_${s}`;
      variables.push({ name, pair: p, slot: s });
      names.push(name);
      terms.push(`${pair.weight} ${name}`);
      for (const c of [pair.a, pair.b]) {
        push(byCompanySlot, `${c}:${s}`, name);
        push(byCompany, c, name);
      }
      push(bySlot, s, name);
      if (pair.needsInterpreter) push(bySlotInterpreter, s, name);
    }
    if (names.length > 1) lines.push(` p${p}: ${names.join(' + ')} <= 1`);
  });
  for (const [key, names] of byCompanySlot) if (names.length > 1) lines.push(` cs${key.replace(':', '_')}: ${names.join(' + ')} <= 1`);
  for (const [c, names] of byCompany) lines.push(` c${c}: ${names.join(' + ')} <= ${problem.companyCapacity[c]}`);
  for (const [s, names] of bySlot) lines.push(` t${s}: ${names.join(' + ')} <= ${problem.tableCount}`);
  for (const [s, names] of bySlotInterpreter) lines.push(` i${s}: ${names.join(' + ')} <= ${problem.interpreterTableCount}`);
  const model = [
    'Maximize',
    ` obj: ${terms.join(' + ') || '0 x'}`,
    'Subject To',
    ...lines,
    'Binary',
    ...variables.map((v) => ` ${v.name}`),
    'End',
  ].join('\n');

  const highs = await highsLoader();
  const result = highs.solve(model, { time_limit: timeLimitSeconds, mip_rel_gap: 0, ...options });
  // Seat the chosen meetings at tables, interpreter meetings first.
  const meetings: Schedule['meetings'] = [];
  for (let s = 0; s < problem.slotCount; s++) {
    const chosen = variables.filter((v) => v.slot === s && (result.Columns[v.name]?.Primal ?? 0) > 0.5);
    const interpreterTables = problem.tableIds.filter((_, t) => problem.tableInterpreter[t]);
    const plainTables = problem.tableIds.filter((_, t) => !problem.tableInterpreter[t]);
    const needy = chosen.filter((v) => problem.pairs[v.pair].needsInterpreter);
    const others = chosen.filter((v) => !problem.pairs[v.pair].needsInterpreter);
    const free = [...plainTables, ...interpreterTables.slice(needy.length)];
    const seat = (v: (typeof variables)[number], table: string) =>
      meetings.push({ a: problem.companyIds[problem.pairs[v.pair].a], b: problem.companyIds[problem.pairs[v.pair].b], slot: problem.slotIds[s], table });
    needy.forEach((v, i) => seat(v, interpreterTables[i]));
    others.forEach((v, i) => seat(v, free[i]));
  }
  const schedule: Schedule = { format: MATCHER_FORMAT, meetings, objective: result.ObjectiveValue };
  return { schedule, status: result.Status, bound: result.Info?.mip_dual_bound };
}
