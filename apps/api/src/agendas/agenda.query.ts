import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { queryOnPool } from '../common/query-on-pool';

/** The forum as its take-away files and agendas show it. */
export interface AgendaForum {
  id: string;
  name: string;
  venue: string | null;
  timeZone: string;
  status: string;
  organizerId: string;
  /** Version of the published schedule, null when none is published. */
  scheduleVersion: number | null;
}

export interface AgendaDelegate {
  id: string;
  name: string;
  title: string | null;
  languages: string[];
}

export interface AgendaCompany {
  id: string;
  name: string;
  country: string;
  city: string | null;
  sectors: string[];
  offers: string[];
  seeks: string[];
  languages: string[];
  website: string | null;
  description: string | null;
}

/** One meeting as one of its two companies (`viewer`) sees it. */
export interface AgendaEntry {
  viewer: string;
  meetingId: string;
  sequence: number;
  pinned: boolean;
  companyAId: string;
  companyBId: string;
  slot: { id: string; position: number; startsAt: Date; endsAt: Date };
  table: { id: string; number: number; label: string; interpreter: boolean };
  counterpart: AgendaCompany;
  counterpartSide: string | null;
  counterpartDelegates: AgendaDelegate[];
  attendance: 'HELD' | 'NO_SHOW' | null;
  absentCompanyId: string | null;
}

export interface AgendaData {
  forum: AgendaForum;
  /** Shared with other answers (see AgendaCache): read, never change. */
  entries: readonly AgendaEntry[];
}

/**
 * The forum and published meetings (all, or those of some companies) with
 * slot, table, counterpart and its delegates, in one statement: PostgreSQL
 * builds the JSON, so the hot path has one round trip and no ORM hydration.
 *
 * For some companies ($2), with the agenda stamps (see
 * migrations/1795800000000-AgendaStamps.ts): given the agendas the caller
 * holds and the stamps each was read at, it reads the companies it does not
 * hold at the current stamps (`read`) and answers those stamps, all in one
 * snapshot.
 */
function agendaSql(someCompanies: boolean): string {
  // Asked ($2) and not held ($3, $4, $5: company, forum stamp, company stamp) at the current stamps.
  const toRead = `ARRAY(
      SELECT asked FROM unnest($2::uuid[]) asked WHERE NOT EXISTS (
        SELECT 1 FROM unnest($3::uuid[], $4::bigint[], $5::bigint[]) held(company_id, forum_stamp, stamp)
        WHERE held.company_id = asked AND held.forum_stamp = st.stamp
          AND held.stamp IS NOT DISTINCT FROM (SELECT cs.stamp FROM company_agenda_stamp cs WHERE cs.forum_id = f.id AND cs.company_id = asked)))`;
  return `
  SELECT f.id, f.name, f.venue, f.time_zone AS "timeZone", f.status, f.organizer_id AS "organizerId", sc.version AS "scheduleVersion",
    ${someCompanies ? `st.stamp::text AS stamp, to_read.companies::text[] AS read,
    (SELECT json_object_agg(cs.company_id, cs.stamp::text) FROM company_agenda_stamp cs WHERE cs.forum_id = f.id AND cs.company_id = ANY(to_read.companies)) AS "companyStamps",` : ''}
    coalesce((
      SELECT json_agg(e ORDER BY e.position, e.table_number, e.viewer)
      FROM (
        SELECT mp.company_id AS viewer, m.id AS "meetingId", m.sequence, m.pinned, m.company_a_id AS "companyAId", m.company_b_id AS "companyBId",
          m.attendance, m.absent_company_id AS "absentCompanyId",
          s.id AS slot_id, s.position, s.starts_at, s.ends_at, t.id AS table_id, t.number AS table_number, t.label AS table_label, t.interpreter,
          json_build_object('id', c.id, 'name', c.name, 'country', c.country, 'city', c.city, 'sectors', c.sectors, 'offers', c.offers,
            'seeks', c.seeks, 'languages', c.languages, 'website', c.website, 'description', c.description) AS counterpart,
          r.side AS "counterpartSide",
          coalesce((SELECT json_agg(json_build_object('id', d.id, 'name', d.name, 'title', d.title, 'languages', d.languages) ORDER BY d.name, d.id)
                    FROM delegate d WHERE d.registration_id = r.id), '[]'::json) AS "counterpartDelegates"
        FROM meeting_participant mp
        JOIN meeting m ON m.id = mp.meeting_id
        JOIN slot s ON s.id = m.slot_id
        JOIN forum_table t ON t.id = m.table_id
        JOIN company c ON c.id = CASE WHEN m.company_a_id = mp.company_id THEN m.company_b_id ELSE m.company_a_id END
        LEFT JOIN registration r ON r.forum_id = f.id AND r.company_id = c.id
        WHERE mp.schedule_id = sc.id ${someCompanies ? 'AND mp.company_id = ANY(to_read.companies)' : ''}
      ) e
    ), '[]'::json) AS entries
  FROM forum f
  LEFT JOIN schedule sc ON sc.forum_id = f.id AND sc.status = 'PUBLISHED'
  ${someCompanies ? `LEFT JOIN agenda_stamp st ON st.forum_id = f.id
  CROSS JOIN LATERAL (SELECT ${toRead} AS companies) to_read` : ''}
  WHERE f.id = $1`;
}

const SOME_COMPANIES = agendaSql(true);
const EVERY_COMPANY = agendaSql(false);

interface EntryRow {
  viewer: string;
  meetingId: string;
  sequence: number;
  pinned: boolean;
  companyAId: string;
  companyBId: string;
  slot_id: string;
  position: number;
  starts_at: string;
  ends_at: string;
  table_id: string;
  table_number: number;
  table_label: string;
  interpreter: boolean;
  counterpart: AgendaCompany;
  counterpartSide: string | null;
  counterpartDelegates: AgendaDelegate[];
  attendance: 'HELD' | 'NO_SHOW' | null;
  absentCompanyId: string | null;
}

/**
 * Every company's agenda of the forum's published schedule (each meeting
 * twice, once per side); null when the forum does not exist.
 */
export async function loadAgenda(dataSource: DataSource, forumId: string): Promise<AgendaData | null> {
  // A named statement straight on the pg pool: PostgreSQL plans it once per connection (planning cost
  // more than running it: 3.1 ms against 1.3 ms per agenda, measured on a 500-company forum).
  const { rows } = await queryOnPool<AgendaForum & { entries: EntryRow[] }>(dataSource, 'agenda-every-company', EVERY_COMPANY, [forumId]);
  if (rows.length === 0) return null;
  const { entries, ...forum } = rows[0];
  return { forum, entries: entries.map(entryOf) };
}

/** What {@link readAgendas} found: the forum, the companies it read, their meetings, and the stamps they were read at. */
interface StampedRead {
  forum: AgendaForum;
  /** The forum's agenda stamp (null: none yet, nothing can be held). */
  stamp: string | null;
  read: string[];
  /** The read companies' own stamps (absent: none yet). */
  companyStamps: Record<string, string>;
  entries: AgendaEntry[];
}

/** The agendas of some companies (each meeting once per company of it among them), reading only those not in `held` at the current stamps. */
async function readAgendas(dataSource: DataSource, forumId: string, companyIds: string[], held: Map<string, HeldAgenda>): Promise<StampedRead | null> {
  const heldCompanies = [...held.keys()];
  const { rows } = await queryOnPool<AgendaForum & { stamp: string | null; read: string[]; companyStamps: Record<string, string> | null; entries: EntryRow[] }>(
    dataSource,
    'agenda-some-companies',
    SOME_COMPANIES,
    [forumId, companyIds, heldCompanies, heldCompanies.map((company) => held.get(company)!.forumStamp), heldCompanies.map((company) => held.get(company)!.stamp)],
  );
  if (rows.length === 0) return null;
  const { entries, stamp, read, companyStamps, ...forum } = rows[0];
  return { forum, stamp, read, companyStamps: companyStamps ?? {}, entries: entries.map(entryOf) };
}

function entryOf(row: EntryRow): AgendaEntry {
  return {
    viewer: row.viewer,
    meetingId: row.meetingId,
    sequence: row.sequence,
    pinned: row.pinned,
    companyAId: row.companyAId,
    companyBId: row.companyBId,
    slot: { id: row.slot_id, position: row.position, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) },
    table: { id: row.table_id, number: row.table_number, label: row.table_label, interpreter: row.interpreter },
    counterpart: row.counterpart,
    counterpartSide: row.counterpartSide,
    counterpartDelegates: row.counterpartDelegates,
    attendance: row.attendance,
    absentCompanyId: row.absentCompanyId,
  };
}

/** A company's agenda in a forum, as one key of {@link agendasOfCompanies}. */
export interface AgendaKey {
  forumId: string;
  companyId: string;
}

/** A company's agenda and the stamps it was read at: its forum's, and its own (null: it had none). */
interface HeldAgenda {
  forumStamp: string;
  stamp: string | null;
  entries: readonly AgendaEntry[];
}

/** How many meetings' entries an API process holds at most (a few hundred MB at the very most; a 10,000-company forum's agendas hold about 50,000). */
const HELD_ENTRIES = 100_000;

/**
 * Companies' agendas, each with the agenda stamps it was read at (see
 * migrations/1795800000000-AgendaStamps.ts), reused only while both stamps
 * are unchanged. Every read asks PostgreSQL for the forum and the current
 * stamps, in the statement that reads the meetings of the companies not
 * held at them: an answer is always what a fresh read would give at that
 * moment, in every process, whatever changed through any other.
 */
export class AgendaCache {
  private readonly agendas = new LRUCache<string, HeldAgenda>({ maxSize: HELD_ENTRIES, sizeCalculation: (held) => held.entries.length + 1 });

  /** What is held of the companies' agendas in the forum. */
  held(forumId: string, companies: string[]): Map<string, HeldAgenda> {
    const held = new Map<string, HeldAgenda>();
    for (const company of companies) {
      const agenda = this.agendas.get(`${forumId}|${company}`);
      if (agenda) held.set(company, agenda);
    }
    return held;
  }

  /**
   * The agendas of `companies` after a read made holding `held`: those read,
   * kept, and the others as held (the read found them at the current stamps).
   */
  after(forumId: string, companies: string[], held: Map<string, HeldAgenda>, read: StampedRead): Map<string, readonly AgendaEntry[]> {
    const fresh = byViewer(read.read, read.entries);
    if (read.stamp !== null) {
      for (const [company, entries] of fresh) {
        this.agendas.set(`${forumId}|${company}`, { forumStamp: read.stamp, stamp: read.companyStamps[company] ?? null, entries: Object.freeze(entries) });
      }
    }
    return new Map(companies.map((company) => [company, fresh.get(company) ?? held.get(company)?.entries ?? []]));
  }
}

/** The entries of each of `companies`, by the company whose agenda they are in. */
function byViewer(companies: string[], entries: AgendaEntry[]): Map<string, AgendaEntry[]> {
  const byCompany = new Map<string, AgendaEntry[]>(companies.map((company) => [company, []]));
  for (const entry of entries) byCompany.get(entry.viewer)?.push(entry);
  return byCompany;
}

/**
 * Each key's agenda (null when its forum does not exist): one statement per
 * forum among the keys, whatever their number (see BatchLoader); with a
 * cache, only the companies it does not hold at the forum's current stamp are read.
 */
export async function agendasOfCompanies(dataSource: DataSource, keys: AgendaKey[], cache: AgendaCache | null = null): Promise<(AgendaData | null)[]> {
  const companiesByForum = new Map<string, Set<string>>();
  for (const { forumId, companyId } of keys) {
    const companies = companiesByForum.get(forumId) ?? new Set<string>();
    companies.add(companyId);
    companiesByForum.set(forumId, companies);
  }
  const byForum = new Map<string, { forum: AgendaForum; byCompany: Map<string, readonly AgendaEntry[]> } | null>();
  await Promise.all(
    [...companiesByForum].map(async ([forumId, set]) => {
      const companies = [...set];
      const held = cache?.held(forumId, companies) ?? new Map<string, HeldAgenda>();
      const read = await readAgendas(dataSource, forumId, companies, held);
      if (!read) return byForum.set(forumId, null);
      // Without a cache nothing is held, so every company was read.
      byForum.set(forumId, { forum: read.forum, byCompany: cache ? cache.after(forumId, companies, held, read) : byViewer(read.read, read.entries) });
    }),
  );
  return keys.map(({ forumId, companyId }) => {
    const read = byForum.get(forumId);
    return read ? { forum: read.forum, entries: read.byCompany.get(companyId) ?? [] } : null;
  });
}
