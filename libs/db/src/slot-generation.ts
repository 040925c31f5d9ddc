/**
 * Cuts sessions into meeting slots: contiguous slots of `slotMinutes`, each
 * followed by `breakMinutes` of changeover, never running past the session's
 * end. Times are instants, so a session that crosses midnight (or a change of
 * offset) needs no special case.
 */
export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
}

export interface GeneratedSlot {
  session: number;
  startsAt: Date;
  endsAt: Date;
}

export function generateSlots(sessions: SessionTimes[], slotMinutes: number, breakMinutes: number): GeneratedSlot[] {
  const slots: GeneratedSlot[] = [];
  const slotMs = slotMinutes * 60_000;
  const stepMs = (slotMinutes + breakMinutes) * 60_000;
  sessions.forEach((session, index) => {
    for (let start = session.startsAt.getTime(); start + slotMs <= session.endsAt.getTime(); start += stepMs) {
      slots.push({ session: index, startsAt: new Date(start), endsAt: new Date(start + slotMs) });
    }
  });
  return slots;
}

/** What is wrong with a set of sessions, in words, or null. */
export function sessionProblem(sessions: SessionTimes[], slotMinutes: number): string | null {
  if (sessions.length === 0) return 'sessions: give at least one session';
  for (let i = 0; i < sessions.length; i++) {
    const { startsAt, endsAt } = sessions[i];
    if (endsAt <= startsAt) return `sessions[${i}]: endsAt must be after startsAt`;
    if (endsAt.getTime() - startsAt.getTime() < slotMinutes * 60_000) {
      return `sessions[${i}]: shorter than one ${slotMinutes}-minute slot`;
    }
    if (endsAt.getTime() - startsAt.getTime() > 24 * 3600_000) return `sessions[${i}]: a session lasts at most 24 hours`;
    if (i > 0 && startsAt < sessions[i - 1].endsAt) return `sessions[${i}]: must start after sessions[${i - 1}] ends`;
  }
  if (sessions[sessions.length - 1].endsAt.getTime() - sessions[0].startsAt.getTime() > 31 * 24 * 3600_000) {
    return 'sessions: a forum spans at most 31 days';
  }
  return null;
}
