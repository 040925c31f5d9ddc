import { Instance, MATCHER_FORMAT } from './format';
import { Problem, ProblemFixed, ProblemPair } from './problem';

/** An instance that breaks the format; `issues` name each offending entry and field. */
export class InstanceError extends Error {
  override readonly name = 'InstanceError';

  constructor(readonly issues: string[]) {
    super(`Invalid instance: ${issues.slice(0, 10).join('; ')}${issues.length > 10 ? ` (and ${issues.length - 10} more)` : ''}`);
  }
}

const MAX_ISSUES = 100;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

/**
 * Checks an instance against forum-matcher/v1 and turns it into a `Problem`.
 * Throws `InstanceError` listing every violation found (unknown or duplicate
 * ids, pairs within one side, non-positive weights, infeasible fixed meetings…).
 */
export function parseInstance(input: unknown): { instance: Instance; problem: Problem } {
  const issues: string[] = [];
  const warnings: string[] = [];
  const fail = (message: string) => {
    if (issues.length < MAX_ISSUES) issues.push(message);
  };

  if (!isObject(input)) throw new InstanceError(['the instance must be a JSON object']);
  if (input.format !== MATCHER_FORMAT) fail(`format: must be "${MATCHER_FORMAT}" (got ${JSON.stringify(input.format)})`);
  for (const key of ['slots', 'tables', 'companies', 'pairs'] as const) {
    if (!Array.isArray(input[key])) fail(`${key}: must be an array`);
  }
  if (input.fixed !== undefined && !Array.isArray(input.fixed)) fail('fixed: must be an array when given');
  if (issues.length) throw new InstanceError(issues);

  const slots = input.slots as unknown[];
  const tables = input.tables as unknown[];
  const companies = input.companies as unknown[];
  const pairs = input.pairs as unknown[];
  const fixed = (input.fixed as unknown[] | undefined) ?? [];

  // Slots
  const slotIndex = new Map<string, number>();
  const slotDates: string[] = [];
  let previousStart = -Infinity;
  slots.forEach((slot, i) => {
    const where = `slots[${i}]`;
    if (!isObject(slot)) return fail(`${where}: must be an object`);
    const id = checkId(slot.id, `${where}.id`, slotIndex, 'slot', fail);
    const start = checkTime(slot.start, `${where}.start`, fail);
    const end = checkTime(slot.end, `${where}.end`, fail);
    if (start && end && Date.parse(end.text) <= Date.parse(start.text)) fail(`${where}: end must be after start`);
    if (id !== undefined) slotIndex.set(id, i);
    slotDates[i] = start?.date ?? '';
    if (start) {
      const at = Date.parse(start.text);
      if (at < previousStart && warnings.length < 10) {
        warnings.push(`${where} (${String(slot.id)}) starts before the slot listed ahead of it; slot order is taken as listed`);
      }
      previousStart = at;
    }
  });
  if (slots.length === 0) fail('slots: at least one slot is needed');

  // Tables
  const tableIndex = new Map<string, number>();
  const tableInterpreter: boolean[] = [];
  tables.forEach((table, i) => {
    const where = `tables[${i}]`;
    if (!isObject(table)) return fail(`${where}: must be an object`);
    const id = checkId(table.id, `${where}.id`, tableIndex, 'table', fail);
    if (table.interpreter !== undefined && typeof table.interpreter !== 'boolean') {
      fail(`${where}.interpreter: must be true or false`);
    }
    if (id !== undefined) tableIndex.set(id, i);
    tableInterpreter[i] = table.interpreter === true;
  });

  // Companies
  const slotCount = slots.length;
  const companyIndex = new Map<string, number>();
  const companySide: (string | undefined)[] = [];
  const companyMax = new Int32Array(companies.length);
  const companyAvailable = new Uint8Array(companies.length * slotCount).fill(1);
  companies.forEach((company, i) => {
    const where = `companies[${i}]`;
    if (!isObject(company)) return fail(`${where}: must be an object`);
    const id = checkId(company.id, `${where}.id`, companyIndex, 'company', fail);
    if (id !== undefined) companyIndex.set(id, i);
    if (company.side !== undefined && (typeof company.side !== 'string' || company.side === '')) {
      fail(`${where}.side: must be a non-empty string when given`);
    }
    companySide[i] = typeof company.side === 'string' ? company.side : undefined;
    companyMax[i] = slotCount;
    if (company.maxMeetings !== undefined) {
      if (!Number.isInteger(company.maxMeetings) || (company.maxMeetings as number) < 0) {
        fail(`${where}.maxMeetings: must be a whole number ≥ 0`);
      } else {
        companyMax[i] = Math.min(company.maxMeetings as number, slotCount);
      }
    }
    if (company.unavailable !== undefined) {
      if (!Array.isArray(company.unavailable)) return fail(`${where}.unavailable: must be an array of slot ids`);
      company.unavailable.forEach((slotId, k) => {
        const s = typeof slotId === 'string' ? slotIndex.get(slotId) : undefined;
        if (s === undefined) fail(`${where}.unavailable[${k}]: unknown slot ${JSON.stringify(slotId)}`);
        else companyAvailable[i * slotCount + s] = 0;
      });
    }
  });

  // Pairs
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const pairIndex = new Map<string, number>();
  const problemPairs: ProblemPair[] = [];
  const companyRef = (value: unknown, where: string) => {
    const c = typeof value === 'string' ? companyIndex.get(value) : undefined;
    if (c === undefined) fail(`${where}: unknown company ${JSON.stringify(value)}`);
    return c;
  };
  const checkSides = (a: number, b: number, where: string) => {
    if (a === b) return fail(`${where}: a company cannot meet itself`), false;
    const sideA = companySide[a];
    if (sideA !== undefined && sideA === companySide[b]) {
      return fail(`${where}: both companies are on side ${JSON.stringify(sideA)}; a meeting joins different sides`), false;
    }
    return true;
  };
  const commonSlots = (a: number, b: number, only: number[] | undefined) => {
    const candidates = only ?? Array.from({ length: slotCount }, (_, s) => s);
    return Int32Array.from(
      candidates.filter((s) => companyAvailable[a * slotCount + s] === 1 && companyAvailable[b * slotCount + s] === 1),
    );
  };
  pairs.forEach((pair, i) => {
    const where = `pairs[${i}]`;
    if (!isObject(pair)) return fail(`${where}: must be an object`);
    const a = companyRef(pair.a, `${where}.a`);
    const b = companyRef(pair.b, `${where}.b`);
    if (typeof pair.weight !== 'number' || !Number.isFinite(pair.weight) || pair.weight <= 0) {
      fail(`${where}.weight: must be a positive number (got ${JSON.stringify(pair.weight)})`);
    }
    if (pair.needsInterpreter !== undefined && typeof pair.needsInterpreter !== 'boolean') {
      fail(`${where}.needsInterpreter: must be true or false`);
    }
    let only: number[] | undefined;
    if (pair.onlySlots !== undefined) {
      if (!Array.isArray(pair.onlySlots)) fail(`${where}.onlySlots: must be an array of slot ids`);
      else {
        only = [];
        pair.onlySlots.forEach((slotId, k) => {
          const s = typeof slotId === 'string' ? slotIndex.get(slotId) : undefined;
          if (s === undefined) fail(`${where}.onlySlots[${k}]: unknown slot ${JSON.stringify(slotId)}`);
          else only!.push(s);
        });
        only = [...new Set(only)].sort((x, y) => x - y);
      }
    }
    if (a === undefined || b === undefined || !checkSides(a, b, where)) return;
    const key = pairKey(a, b);
    if (pairIndex.has(key)) {
      return fail(`${where}: the pair ${String(pair.a)}–${String(pair.b)} is listed twice (also pairs[${pairIndex.get(key)}])`);
    }
    pairIndex.set(key, problemPairs.length);
    problemPairs.push({
      a,
      b,
      weight: typeof pair.weight === 'number' ? pair.weight : 0,
      needsInterpreter: pair.needsInterpreter === true,
      slots: commonSlots(a, b, only),
      fixedOnly: false,
    });
  });

  // Fixed meetings
  const problemFixed: ProblemFixed[] = [];
  const fixedPairs = new Set<number>();
  const busy = new Map<string, number>(); // `${company}@${slot}` → fixed index
  const tableBusy = new Map<string, number>(); // `${table}@${slot}`
  const fixedPerSlot = new Int32Array(slotCount);
  const fixedCount = new Int32Array(companies.length);
  fixed.forEach((meeting, i) => {
    const where = `fixed[${i}]`;
    if (!isObject(meeting)) return fail(`${where}: must be an object`);
    const a = companyRef(meeting.a, `${where}.a`);
    const b = companyRef(meeting.b, `${where}.b`);
    const slot = typeof meeting.slot === 'string' ? slotIndex.get(meeting.slot) : undefined;
    if (slot === undefined) fail(`${where}.slot: unknown slot ${JSON.stringify(meeting.slot)}`);
    let table = -1;
    if (meeting.table !== undefined) {
      const t = typeof meeting.table === 'string' ? tableIndex.get(meeting.table) : undefined;
      if (t === undefined) fail(`${where}.table: unknown table ${JSON.stringify(meeting.table)}`);
      else table = t;
    }
    if (a === undefined || b === undefined || slot === undefined || !checkSides(a, b, where)) return;
    const key = pairKey(a, b);
    let pair = pairIndex.get(key);
    if (pair === undefined) {
      pair = problemPairs.length;
      pairIndex.set(key, pair);
      problemPairs.push({ a, b, weight: 0, needsInterpreter: false, slots: commonSlots(a, b, undefined), fixedOnly: true });
    }
    if (fixedPairs.has(pair)) return fail(`${where}: the pair ${String(meeting.a)}–${String(meeting.b)} is fixed twice`);
    fixedPairs.add(pair);
    const p = problemPairs[pair];
    const slotName = String(meeting.slot);
    for (const [c, name] of [[a, meeting.a], [b, meeting.b]] as const) {
      if (companyAvailable[c * slotCount + slot] === 0) fail(`${where}: ${String(name)} is unavailable in slot ${slotName}`);
      const other = busy.get(`${c}@${slot}`);
      if (other !== undefined) fail(`${where}: ${String(name)} already has fixed[${other}] in slot ${slotName}`);
      busy.set(`${c}@${slot}`, i);
      fixedCount[c]++;
      if (fixedCount[c] === companyMax[c] + 1) fail(`${where}: ${String(name)} has more fixed meetings than its maxMeetings`);
    }
    const bothAvailable = companyAvailable[a * slotCount + slot] === 1 && companyAvailable[b * slotCount + slot] === 1;
    if (bothAvailable && !p.slots.includes(slot)) fail(`${where}: slot ${slotName} is outside the pair's onlySlots`);
    if (table >= 0) {
      if (p.needsInterpreter && !tableInterpreter[table]) {
        fail(`${where}: the pair needs an interpreter but table ${String(meeting.table)} has none`);
      }
      const other = tableBusy.get(`${table}@${slot}`);
      if (other !== undefined) fail(`${where}: table ${String(meeting.table)} already holds fixed[${other}] in slot ${slotName}`);
      tableBusy.set(`${table}@${slot}`, i);
    }
    fixedPerSlot[slot]++;
    if (fixedPerSlot[slot] === tables.length + 1) fail(`${where}: more fixed meetings in slot ${slotName} than tables`);
    problemFixed.push({ pair, slot, table });
  });
  // Interpreter tables per slot must cover the fixed interpreter meetings.
  const interpreterTableCount = tableInterpreter.filter(Boolean).length;
  for (let s = 0; s < slotCount; s++) {
    const needing = problemFixed.filter((f) => f.slot === s && problemPairs[f.pair].needsInterpreter).length;
    const takenByOthers = problemFixed.filter(
      (f) => f.slot === s && f.table >= 0 && tableInterpreter[f.table] && !problemPairs[f.pair].needsInterpreter,
    ).length;
    if (needing > interpreterTableCount - takenByOthers) {
      fail(`fixed: slot ${String((slots[s] as Json).id)} has ${needing} fixed meetings needing an interpreter but fewer free interpreter tables`);
    }
  }

  if (issues.length) throw new InstanceError(issues);

  const dayIndex = new Map<string, number>();
  const slotDay = Int32Array.from(slotDates, (date) => {
    if (!dayIndex.has(date)) dayIndex.set(date, dayIndex.size);
    return dayIndex.get(date)!;
  });
  const companyCapacity = Int32Array.from(companyMax, (max, c) => {
    let available = 0;
    for (let s = 0; s < slotCount; s++) available += companyAvailable[c * slotCount + s];
    return Math.min(max, available);
  });

  return {
    instance: input as unknown as Instance,
    problem: {
      slotIds: slots.map((slot) => (slot as Json).id as string),
      slotDay,
      tableIds: tables.map((table) => (table as Json).id as string),
      tableInterpreter,
      companyIds: companies.map((company) => (company as Json).id as string),
      companyCapacity,
      companyAvailable,
      pairs: problemPairs,
      fixed: problemFixed,
      slotCount,
      tableCount: tables.length,
      interpreterTableCount,
      companyCount: companies.length,
      warnings,
    },
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkId(
  value: unknown,
  where: string,
  seen: Map<string, number>,
  kind: string,
  fail: (message: string) => void,
): string | undefined {
  if (typeof value !== 'string' || value === '') {
    fail(`${where}: must be a non-empty string`);
    return undefined;
  }
  if (seen.has(value)) {
    fail(`${where}: duplicate ${kind} id ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

function checkTime(value: unknown, where: string, fail: (message: string) => void) {
  const match = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  if (!match || Number.isNaN(Date.parse(value as string))) {
    fail(`${where}: must be an ISO 8601 date-time with an offset, e.g. 2024-06-10T09:00:00+07:00`);
    return undefined;
  }
  return { text: value as string, date: match[1] };
}
