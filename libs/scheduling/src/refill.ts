import { fitOf, Instance, InstanceFixedMeeting, ScheduledMeeting, SolveResult, weightBound } from '@forum/matcher';
import { buildInstance, ForumSnapshot, pairKey } from './build-instance';

/** What a re-fill reads: the forum as a run reads it, the rest of the day, who is on the floor, and the whole published schedule. */
export interface RefillSnapshot extends Omit<ForumSnapshot, 'published'> {
  /** The slots the re-fill may use: the rest of one day, from the slot it starts at. */
  window: string[];
  /** Companies checked in; `absentFromSlotId`: marked absent from that slot of the window on (null: present all window). */
  floor: Map<string, { checkedIn: boolean; absentFromSlotId: string | null }>;
  /** Every meeting of the published schedule (all days and slots). */
  published: { companyAId: string; companyBId: string; slotId: string; tableId: string }[];
  /** Meetings taken off the schedule because a company was marked absent (any slot). */
  freed: { companyAId: string; companyBId: string; slotId: string; absentCompanyId: string }[];
}

export interface RefillReason {
  reason: 'REQUEST_ACCEPTED' | 'REQUEST_PENDING' | 'RECOMMENDED';
  requestedBy: string[];
  topics: string[];
}

export interface RefillInstance {
  /** The matcher's incremental problem: the window's slots, every published meeting there fixed at its table. */
  instance: Instance;
  /** Why each pair of `instance.pairs` may meet, by pairKey. */
  reasons: Map<string, RefillReason>;
  /** The places freed by an absent partner whose company is on the floor and still free there: filled first. */
  waiting: { companyId: string; slotId: string }[];
}

/**
 * The sub-problem a re-fill solves: only companies on the floor may get new
 * meetings, only in window slots where they are free and present, only with
 * pairs that do not meet already (requests accepted or pending, then
 * recommendations), within what is left of each company's meeting limit;
 * every published meeting in the window stays where it is (fixed, with its
 * table), so no one else's agenda moves.
 */
export function buildRefillInstance(snapshot: RefillSnapshot): RefillInstance {
  const window = new Set(snapshot.window);
  const windowSlots = snapshot.slots.filter((slot) => window.has(slot.id));
  const position = new Map(snapshot.window.map((id, i) => [id, i]));
  const inWindow = snapshot.published.filter((meeting) => window.has(meeting.slotId));
  const met = new Set(snapshot.published.map((meeting) => pairKey(meeting.companyAId, meeting.companyBId)));
  const outside = new Map<string, number>();
  const busy = new Map<string, Set<string>>();
  for (const meeting of snapshot.published) {
    for (const company of [meeting.companyAId, meeting.companyBId]) {
      if (window.has(meeting.slotId)) {
        const slots = busy.get(company) ?? new Set<string>();
        slots.add(meeting.slotId);
        busy.set(company, slots);
      } else {
        outside.set(company, (outside.get(company) ?? 0) + 1);
      }
    }
  }

  /** Checked in and not (yet) absent in that window slot. */
  const onFloor = (companyId: string, slot: number): boolean => {
    const floor = snapshot.floor.get(companyId);
    if (!floor?.checkedIn) return false;
    return floor.absentFromSlotId === null || slot < (position.get(floor.absentFromSlotId) ?? Infinity);
  };
  /** The window slots a company can be given a new meeting in. */
  const presentIn = (companyId: string, unavailable: Set<string>): string[] =>
    snapshot.window.filter((slotId, i) => onFloor(companyId, i) && !unavailable.has(slotId));
  const waiting = snapshot.freed.flatMap((meeting) =>
    [meeting.companyAId, meeting.companyBId]
      .filter((companyId) => companyId !== meeting.absentCompanyId && window.has(meeting.slotId) && onFloor(companyId, position.get(meeting.slotId)!) && !busy.get(companyId)?.has(meeting.slotId))
      .map((companyId) => ({ companyId, slotId: meeting.slotId })),
  );

  const eligible = new Set<string>();
  const registrations = snapshot.registrations.map((registration) => {
    const own = busy.get(registration.companyId) ?? new Set<string>();
    const present = presentIn(registration.companyId, new Set(registration.unavailableSlotIds));
    const limit = registration.maxMeetings ?? snapshot.forum.maxMeetingsPerCompany;
    const room = Math.max(0, limit - (outside.get(registration.companyId) ?? 0) - own.size);
    const free = present.filter((slotId) => !own.has(slotId));
    if (room > 0 && free.length > 0) eligible.add(registration.companyId);
    const usable = new Set([...present, ...own]);
    return {
      ...registration,
      // Its own fixed meetings stay possible; elsewhere only where it is on the floor.
      unavailableSlotIds: snapshot.window.filter((slotId) => !usable.has(slotId)),
      maxMeetings: own.size + room,
    };
  });

  const built = buildInstance(
    { forum: snapshot.forum, slots: windowSlots, tables: snapshot.tables, registrations, requests: snapshot.requests, published: inWindow },
    { includeRecommendations: true },
  );
  const pairs = built.instance.pairs.filter((pair) => eligible.has(pair.a) && eligible.has(pair.b) && !met.has(pairKey(pair.a, pair.b)));

  const requests = new Map<string, { accepted: boolean; from: string[] }>();
  for (const request of snapshot.requests) {
    const key = pairKey(request.fromCompanyId, request.toCompanyId);
    const entry = requests.get(key) ?? { accepted: false, from: [] };
    entry.accepted ||= request.status === 'ACCEPTED';
    if (!entry.from.includes(request.fromCompanyId)) entry.from.push(request.fromCompanyId);
    requests.set(key, entry);
  }
  const profile = new Map(snapshot.registrations.map((registration) => [registration.companyId, registration.profile]));
  const reasons = new Map<string, RefillReason>();
  for (const pair of pairs) {
    const key = pairKey(pair.a, pair.b);
    const request = requests.get(key);
    if (request) {
      reasons.set(key, { reason: request.accepted ? 'REQUEST_ACCEPTED' : 'REQUEST_PENDING', requestedBy: request.from, topics: [] });
    } else {
      const why = [...fitOf(profile.get(pair.a)!, profile.get(pair.b)!).why, ...fitOf(profile.get(pair.b)!, profile.get(pair.a)!).why];
      const topics = [...new Set(why.flatMap((reason) => (reason.kind === 'SHARED_LANGUAGES' || reason.kind === 'NEEDS_INTERPRETER' ? [] : [reason.theirs ?? reason.yours ?? ''])))];
      reasons.set(key, { reason: 'RECOMMENDED', requestedBy: [], topics: topics.filter(Boolean).slice(0, 3) });
    }
  }
  return { instance: { ...built.instance, name: 'refill', pairs }, reasons, waiting };
}

/** Solves an instance (on a worker thread in the API). */
export type RefillSolver = (instance: Instance, options: { seed: number; timeLimitMs: number; iterations: number }) => Promise<SolveResult>;

export interface RefillSolution {
  /** The new meetings (none of the fixed ones), with their tables. */
  meetings: ScheduledMeeting[];
  /** The matcher's upper bound on the weight of new meetings in this sub-problem. */
  bound: number;
}

/** Improvement steps per solve: the timetable is mostly fixed, so a short search is enough (the default suits a whole forum). */
const REFILL_ITERATIONS = 200_000;

/**
 * Fills the freed places first, then anything else: stage one offers only
 * pairs with a company left waiting by an absent partner, in the slots it
 * waits in; stage two keeps stage one's meetings fixed and offers every pair
 * in every free slot. (One solve maximises weight alone and leaves most of
 * those companies waiting while it adds meetings elsewhere.)
 */
export async function solveRefill(refill: RefillInstance, solver: RefillSolver, timeLimitMs: number): Promise<RefillSolution> {
  const { instance, waiting } = refill;
  if (instance.pairs.length === 0) return { meetings: [], bound: 0 };
  const bound = weightBound(instance);
  const slotsOf = new Map<string, Set<string>>();
  for (const place of waiting) slotsOf.set(place.companyId, (slotsOf.get(place.companyId) ?? new Set()).add(place.slotId));
  const fixed = instance.fixed ?? [];
  const isNew = (known: InstanceFixedMeeting[]) => {
    const keys = new Set(known.map((meeting) => pairKey(meeting.a, meeting.b)));
    return (meeting: ScheduledMeeting) => !keys.has(pairKey(meeting.a, meeting.b));
  };
  const options = (share: number) => ({ seed: 1, timeLimitMs: Math.max(100, Math.round(timeLimitMs * share)), iterations: REFILL_ITERATIONS });

  const focused = instance.pairs.flatMap((pair) => {
    const slots = new Set([...(slotsOf.get(pair.a) ?? []), ...(slotsOf.get(pair.b) ?? [])]);
    return slots.size ? [{ ...pair, onlySlots: [...slots] }] : [];
  });
  const first = focused.length ? (await solver({ ...instance, pairs: focused }, options(0.4))).schedule.meetings.filter(isNew(fixed)) : [];
  const placed = new Set(first.map((meeting) => pairKey(meeting.a, meeting.b)));
  const fixedNow = [...fixed, ...first.map((meeting) => ({ a: meeting.a, b: meeting.b, slot: meeting.slot, table: meeting.table }))];
  const rest = instance.pairs.filter((pair) => !placed.has(pairKey(pair.a, pair.b)));
  const second = rest.length ? (await solver({ ...instance, pairs: rest, fixed: fixedNow }, options(0.6))).schedule.meetings.filter(isNew(fixedNow)) : [];
  return { meetings: [...first, ...second], bound };
}
