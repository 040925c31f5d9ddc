import { localDateTime } from '@forum/common';
import { fitOf, Instance, InstancePair, MATCHER_FORMAT, needsInterpreter, pairWeight } from '@forum/matcher';

/** What a run reads from the database, as plain data (see loadForumSnapshot). */
export interface ForumSnapshot {
  forum: { id: string; sides: string[]; maxMeetingsPerCompany: number; timeZone: string };
  slots: { id: string; startsAt: Date; endsAt: Date }[];
  tables: { id: string; interpreter: boolean }[];
  registrations: {
    companyId: string;
    side: string | null;
    maxMeetings: number | null;
    unavailableSlotIds: string[];
    /** Languages of the delegates (the company's own when no delegate lists any). */
    languages: string[];
    profile: { name: string; sectors: string[]; offers: string[]; seeks: string[]; languages: string[] };
  }[];
  /** PENDING and ACCEPTED requests. */
  requests: { fromCompanyId: string; toCompanyId: string; priority: number; status: string }[];
  /** Meetings of the published schedule, when the run keeps it. */
  published: { companyAId: string; companyBId: string; slotId: string; tableId: string }[];
}

export interface BuiltInstance {
  instance: Instance;
  /** Unordered pair key → number of open requests behind it (for "requests fulfilled"). */
  requestsByPair: Map<string, number>;
  requestsTotal: number;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The forum-matcher/v1 instance of a forum: every registered company, pairs
 * weighted by the matcher's scoring helpers from the requests in both
 * directions (and, when asked, from recommendations between pairs nobody
 * requested), interpreter needs from the delegations' languages, the published
 * meetings as fixed when the run keeps them.
 */
export function buildInstance(snapshot: ForumSnapshot, options: { includeRecommendations: boolean }): BuiltInstance {
  const registered = new Map(snapshot.registrations.map((registration) => [registration.companyId, registration]));
  const interest = new Map<string, { a: string; b: string; ab?: number; ba?: number }>();
  const requestsByPair = new Map<string, number>();
  let requestsTotal = 0;
  for (const request of snapshot.requests) {
    if (!registered.has(request.fromCompanyId) || !registered.has(request.toCompanyId)) continue;
    const key = pairKey(request.fromCompanyId, request.toCompanyId);
    const [a, b] = request.fromCompanyId < request.toCompanyId ? [request.fromCompanyId, request.toCompanyId] : [request.toCompanyId, request.fromCompanyId];
    const entry = interest.get(key) ?? { a, b };
    if (request.fromCompanyId === a) entry.ab = Math.max(entry.ab ?? 0, request.priority);
    else entry.ba = Math.max(entry.ba ?? 0, request.priority);
    interest.set(key, entry);
    requestsByPair.set(key, (requestsByPair.get(key) ?? 0) + 1);
    requestsTotal++;
  }

  const pairs: InstancePair[] = [];
  const addPair = (a: string, b: string, weight: number) => {
    const left = registered.get(a)!;
    const right = registered.get(b)!;
    if (weight <= 0) return;
    if (left.side !== null && left.side === right.side) return;
    const pair: InstancePair = { a, b, weight };
    if (needsInterpreter(left.languages, right.languages)) pair.needsInterpreter = true;
    pairs.push(pair);
  };
  for (const { a, b, ab, ba } of interest.values()) addPair(a, b, pairWeight({ priorityAtoB: ab, priorityBtoA: ba }));
  if (options.includeRecommendations) {
    const companies = snapshot.registrations;
    for (let i = 0; i < companies.length; i++) {
      for (let j = i + 1; j < companies.length; j++) {
        const [x, y] = [companies[i], companies[j]];
        if (interest.has(pairKey(x.companyId, y.companyId))) continue;
        if (x.side !== null && x.side === y.side) continue;
        const score = Math.min(fitOf(x.profile, y.profile).score, fitOf(y.profile, x.profile).score);
        const [a, b] = x.companyId < y.companyId ? [x.companyId, y.companyId] : [y.companyId, x.companyId];
        addPair(a, b, pairWeight({ recommendation: score }));
      }
    }
  }

  const instance: Instance = {
    format: MATCHER_FORMAT,
    // Forum wall-clock times with their offset: the matcher's days are the forum's calendar dates.
    slots: snapshot.slots.map((slot) => ({
      id: slot.id,
      start: localDateTime(slot.startsAt, snapshot.forum.timeZone),
      end: localDateTime(slot.endsAt, snapshot.forum.timeZone),
    })),
    tables: snapshot.tables.map((table) => (table.interpreter ? { id: table.id, interpreter: true } : { id: table.id })),
    companies: snapshot.registrations.map((registration) => ({
      id: registration.companyId,
      ...(registration.side ? { side: registration.side } : {}),
      maxMeetings: registration.maxMeetings ?? snapshot.forum.maxMeetingsPerCompany,
      ...(registration.unavailableSlotIds.length ? { unavailable: registration.unavailableSlotIds } : {}),
    })),
    pairs,
    fixed: snapshot.published
      .filter((meeting) => registered.has(meeting.companyAId) && registered.has(meeting.companyBId))
      .map((meeting) => ({ a: meeting.companyAId, b: meeting.companyBId, slot: meeting.slotId, table: meeting.tableId })),
  };
  return { instance, requestsByPair, requestsTotal };
}
