import { wallClockToIso } from '../../lib/time';

/** A session as the organiser types it: a day and two times on the forum's clock. */
export interface SessionDraft {
  date: string;
  start: string;
  end: string;
}

export interface ForumPlan {
  /** The sessions as the API takes them (RFC 3339 with the forum's offset); null when one is not complete. */
  sessions: { startsAt: string; endsAt: string }[] | null;
  /** Slots per session, in order. */
  slotsPerSession: number[];
  slots: number;
  meetingPlaces: number;
}

/**
 * What the forum will hold, as the organiser types: the same cut as the
 * server's (contiguous slots of `slotMinutes`, each followed by `breakMinutes`
 * of changeover, none running past its session's end) times the tables.
 */
export function planForum(drafts: SessionDraft[], timeZone: string, slotMinutes: number, breakMinutes: number, tables: number): ForumPlan {
  const sessions: { startsAt: string; endsAt: string }[] = [];
  const slotsPerSession: number[] = [];
  let complete = true;
  for (const draft of drafts) {
    const startsAt = wallClockToIso(draft.date, draft.start, timeZone);
    const endsAt = wallClockToIso(draft.date, draft.end, timeZone);
    if (!startsAt || !endsAt) {
      complete = false;
      slotsPerSession.push(0);
      continue;
    }
    sessions.push({ startsAt, endsAt });
    const length = new Date(endsAt).getTime() - new Date(startsAt).getTime();
    const slotMs = slotMinutes * 60_000;
    const stepMs = (slotMinutes + Math.max(0, breakMinutes)) * 60_000;
    slotsPerSession.push(slotMinutes > 0 && length >= slotMs ? Math.floor((length - slotMs) / stepMs) + 1 : 0);
  }
  const slots = slotsPerSession.reduce((sum, n) => sum + n, 0);
  return { sessions: complete ? sessions : null, slotsPerSession, slots, meetingPlaces: slots * Math.max(0, tables) };
}
