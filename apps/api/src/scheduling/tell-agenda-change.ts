import type { EntityManager } from 'typeorm';
import type { Meeting } from '@forum/db';
import { notifyCompany, type AgendaChange, type MeetingPlace } from '@forum/notifications';

/** A meeting's place: its slot and table. */
export interface MeetingAt {
  slotId: string;
  tableId: string;
}

/**
 * Tells both companies (and their delegates) of a change to their published
 * agenda, in the same transaction; changes to one person within the batch
 * window go out as one message.
 */
export async function tellAgendaChange(
  manager: EntityManager,
  batchMs: number,
  forumId: string,
  meeting: Pick<Meeting, 'id' | 'companyAId' | 'companyBId' | 'sequence'>,
  change: AgendaChange['change'],
  from: MeetingAt | null,
  to: MeetingAt | null,
): Promise<void> {
  const place = async (at: MeetingAt | null): Promise<MeetingPlace | undefined> => {
    if (!at) return undefined;
    const [row]: { startsAt: Date; endsAt: Date; table: string }[] = await manager.query(
      'SELECT sl.starts_at AS "startsAt", sl.ends_at AS "endsAt", t.label AS "table" FROM slot sl, forum_table t WHERE sl.id = $1 AND t.id = $2',
      [at.slotId, at.tableId],
    );
    return row && { startsAt: new Date(row.startsAt).toISOString(), endsAt: new Date(row.endsAt).toISOString(), table: row.table };
  };
  const [fromPlace, toPlace] = [await place(from), await place(to)];
  const names: { id: string; name: string; forum: string; timeZone: string }[] = await manager.query(
    'SELECT c.id, c.name, f.name AS forum, f.time_zone AS "timeZone" FROM company c, forum f WHERE c.id = ANY($1::uuid[]) AND f.id = $2',
    [[meeting.companyAId, meeting.companyBId], forumId],
  );
  for (const company of names) {
    const counterpart = names.find((other) => other.id !== company.id)?.name ?? '';
    await notifyCompany(manager, {
      forumId,
      companyId: company.id,
      kind: 'AGENDA_CHANGED',
      audience: 'COMPANY_AND_DELEGATES',
      data: {
        forum: company.forum,
        forumId,
        timeZone: company.timeZone,
        companyId: company.id,
        change: { change, meetingId: meeting.id, counterpart, from: fromPlace, to: toPlace, pair: [meeting.companyAId, meeting.companyBId], sequence: meeting.sequence } satisfies AgendaChange,
      },
      batch: { key: `agenda:${forumId}`, delayMs: batchMs },
    });
  }
}
