/**
 * Generated two-sided Korea–Vietnam forums for benchmarks: deterministic for a
 * seed. Roughly 40 % Korean and 60 % Vietnamese companies; each requests a few
 * meetings (popular companies are requested far more often: Zipf, s = 1), with
 * priorities 1–5, some requests mutual; one company in four is away for part
 * of the forum; delegations that share no language need an interpreter table;
 * tables are fewer than demand, as at real forums.
 */
import { Instance, InstancePair, pairWeight } from '@forum/matcher';
import { Rng } from '../libs/matcher/src/rng';

export interface ForumShape {
  companies: number;
  slots: number;
  /** Average meeting requests sent per company. */
  requestsPerCompany: number;
  seed: number;
  /** Share of companies away for part of the forum (default 1 in 4). */
  awayShare?: number;
  /** Tables for this share of what companies could take (default 0.7; table-bound forums: about 0.35, every table taken in every slot). */
  tableShare?: number;
}

export function generateForum(shape: ForumShape): Instance {
  const rng = new Rng(shape.seed);
  const days = shape.slots > 24 ? 2 : 1;
  const perDay = Math.ceil(shape.slots / days);
  const slots: Instance['slots'] = [];
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < perDay && slots.length < shape.slots; k++) {
      // 09:00 onwards, 30-minute slots, one-hour lunch after the 6th slot.
      const minutes = 9 * 60 + k * 30 + (k >= 6 ? 60 : 0);
      const at = (m: number) =>
        `2024-06-${String(10 + d).padStart(2, '0')}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+07:00`;
      slots.push({ id: `d${d + 1}-${String(k + 1).padStart(2, '0')}`, start: at(minutes), end: at(minutes + 30) });
    }
  }

  const korean = Math.round(shape.companies * 0.4);
  const companies: Instance['companies'] = [];
  const languages: string[][] = [];
  for (let i = 0; i < shape.companies; i++) {
    const kr = i < korean;
    const id = kr ? `kr-${String(i + 1).padStart(5, '0')}` : `vn-${String(i - korean + 1).padStart(5, '0')}`;
    languages.push(kr ? (rng.next() < 0.5 ? ['ko', 'en'] : ['ko']) : rng.next() < 0.6 ? ['vi', 'en'] : ['vi']);
    const company: Instance['companies'][number] = { id, side: kr ? 'KR' : 'VN', maxMeetings: 6 + rng.int(7) };
    if (rng.next() < (shape.awayShare ?? 0.25)) {
      // Away for a block of a few consecutive slots (a flight, another appointment).
      const length = 2 + rng.int(Math.max(1, Math.floor(shape.slots / 4)));
      const start = rng.int(Math.max(1, shape.slots - length));
      company.unavailable = slots.slice(start, start + length).map((slot) => slot.id);
    }
    companies.push(company);
  }

  // Zipf popularity within each side.
  const zipfPick = (from: number, count: number) => {
    const u = rng.next();
    return from + Math.min(count - 1, Math.floor(Math.pow(count + 1, u)) - 1);
  };
  const requests = new Map<string, { a: number; b: number; ab?: number; ba?: number }>();
  const sent = Math.round(shape.companies * shape.requestsPerCompany);
  for (let r = 0; r < sent; r++) {
    const from = rng.int(shape.companies);
    const fromKorean = from < korean;
    const to = fromKorean ? zipfPick(korean, shape.companies - korean) : zipfPick(0, korean);
    const [a, b] = from < to ? [from, to] : [to, from];
    const key = `${a}:${b}`;
    const entry = requests.get(key) ?? { a, b };
    const priority = 1 + rng.int(5);
    if (from === a) entry.ab = priority;
    else entry.ba = priority;
    requests.set(key, entry);
  }
  const pairs: InstancePair[] = [];
  for (const { a, b, ab, ba } of requests.values()) {
    const pair: InstancePair = {
      a: companies[a].id,
      b: companies[b].id,
      weight: pairWeight({ priorityAtoB: ab, priorityBtoA: ba }),
    };
    if (!languages[a].some((language) => languages[b].includes(language))) pair.needsInterpreter = true;
    pairs.push(pair);
  }

  // Tables for about 70 % of what companies could take, two in five with interpreters.
  const demand = companies.reduce((sum, company) => sum + (company.maxMeetings ?? 0), 0) / 2;
  const tableCount = Math.max(2, Math.round(((shape.tableShare ?? 0.7) * Math.min(demand, pairs.length)) / shape.slots));
  const interpreterTables = Math.round(tableCount * 0.4);
  const tables = Array.from({ length: tableCount }, (_, t) => ({
    id: `T${String(t + 1).padStart(3, '0')}`,
    ...(t < interpreterTables ? { interpreter: true } : {}),
  }));

  return { format: 'forum-matcher/v1', name: `kr-vn-${shape.companies}${shape.tableShare ? '-bound' : ''}`, slots, tables, companies, pairs };
}
