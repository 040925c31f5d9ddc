/**
 * The schedule grid's rules, without React: where a meeting may move and, if
 * not, why — the same checks as the API's moveMeeting (table free, both
 * companies free and available, an interpreter table when they share no
 * language), so a cell says it before the drop.
 */
export interface GridCompany {
  id: string;
  name: string;
  languages: string[];
}

export interface GridMeeting {
  id: string;
  pinned: boolean;
  slotId: string;
  tableId: string;
  companies: GridCompany[];
}

export interface GridTable {
  id: string;
  label: string;
  interpreter: boolean;
}

export type Refusal =
  | { reason: 'SAME_PLACE' }
  | { reason: 'TABLE_TAKEN'; table: string }
  | { reason: 'COMPANY_BUSY'; company: string }
  | { reason: 'COMPANY_UNAVAILABLE'; company: string }
  | { reason: 'NEEDS_INTERPRETER'; table: string };

export function needsInterpreter(meeting: GridMeeting): boolean {
  const [a, b] = meeting.companies;
  if (!a || !b) return false;
  const spoken = new Set(a.languages.map((language) => language.trim().toLowerCase()));
  return !b.languages.some((language) => spoken.has(language.trim().toLowerCase()));
}

export class GridModel {
  private readonly byCell = new Map<string, GridMeeting>();
  private readonly busy = new Map<string, Map<string, GridMeeting>>();

  constructor(
    readonly meetings: GridMeeting[],
    private readonly tables: Map<string, GridTable>,
    private readonly unavailable: Map<string, Set<string>>,
  ) {
    for (const meeting of meetings) {
      this.byCell.set(cellKey(meeting.slotId, meeting.tableId), meeting);
      let inSlot = this.busy.get(meeting.slotId);
      if (!inSlot) this.busy.set(meeting.slotId, (inSlot = new Map()));
      for (const company of meeting.companies) inSlot.set(company.id, meeting);
    }
  }

  at(slotId: string, tableId: string): GridMeeting | undefined {
    return this.byCell.get(cellKey(slotId, tableId));
  }

  /** Why `meeting` cannot go to (slot, table), or null when it can. */
  refusal(meeting: GridMeeting, slotId: string, tableId: string): Refusal | null {
    if (meeting.slotId === slotId && meeting.tableId === tableId) return { reason: 'SAME_PLACE' };
    const table = this.tables.get(tableId);
    const there = this.at(slotId, tableId);
    if (there && there.id !== meeting.id) return { reason: 'TABLE_TAKEN', table: table?.label ?? '' };
    for (const company of meeting.companies) {
      const other = this.busy.get(slotId)?.get(company.id);
      if (other && other.id !== meeting.id) return { reason: 'COMPANY_BUSY', company: company.name };
      if (this.unavailable.get(company.id)?.has(slotId)) return { reason: 'COMPANY_UNAVAILABLE', company: company.name };
    }
    if (table && !table.interpreter && needsInterpreter(meeting)) return { reason: 'NEEDS_INTERPRETER', table: table.label };
    return null;
  }
}

function cellKey(slotId: string, tableId: string): string {
  return `${slotId}|${tableId}`;
}

/** The pair of a meeting, whatever its place: how a draft is compared with the published schedule. */
export function pairKey(meeting: GridMeeting): string {
  return meeting.companies
    .map((company) => company.id)
    .sort()
    .join('|');
}

export interface Comparison {
  added: number;
  moved: number;
  removed: number;
  /** Companies whose agenda changes (a meeting added, moved or removed). */
  companies: number;
}

/** What publishing `draft` changes against `published`. */
export function compareSchedules(draft: GridMeeting[], published: GridMeeting[]): Comparison {
  const before = new Map(published.map((meeting) => [pairKey(meeting), meeting]));
  const after = new Map(draft.map((meeting) => [pairKey(meeting), meeting]));
  const touched = new Set<string>();
  let added = 0;
  let moved = 0;
  let removed = 0;
  for (const [pair, meeting] of after) {
    const old = before.get(pair);
    if (!old) added++;
    else if (old.slotId !== meeting.slotId || old.tableId !== meeting.tableId) moved++;
    else continue;
    for (const company of meeting.companies) touched.add(company.id);
  }
  for (const [pair, meeting] of before) {
    if (after.has(pair)) continue;
    removed++;
    for (const company of meeting.companies) touched.add(company.id);
  }
  return { added, moved, removed, companies: touched.size };
}
