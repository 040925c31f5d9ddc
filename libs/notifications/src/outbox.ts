import type { EntityManager } from 'typeorm';
import type { NotificationCategory, NotificationKind } from '@forum/db';

/** Which category each kind belongs to: what a person can mute (never SECURITY). */
export const CATEGORY_OF: Record<NotificationKind, NotificationCategory> = {
  REQUEST_RECEIVED: 'REQUESTS',
  REQUEST_ACCEPTED: 'REQUESTS',
  REQUEST_DECLINED: 'REQUESTS',
  REQUEST_WITHDRAWN: 'REQUESTS',
  REGISTRATION_APPROVED: 'REGISTRATION',
  REGISTRATION_REJECTED: 'REGISTRATION',
  SCHEDULE_PUBLISHED: 'AGENDA',
  AGENDA_CHANGED: 'AGENDA',
  REMINDER: 'AGENDA',
  PASSWORD_RESET: 'SECURITY',
  OUTCOME_FOLLOW_UP: 'REGISTRATION',
};

/**
 * The recipient's language: the one the account chose, else Korean or
 * Vietnamese when the company speaks it, else English (as the exports choose).
 */
const LANGUAGE_SQL = `COALESCE(u.preferred_language, CASE WHEN 'ko' = ANY(c.languages) THEN 'ko' WHEN 'vi' = ANY(c.languages) THEN 'vi' ELSE 'en' END)`;

/** Who at a company hears of it: its representatives (requests, registration) or also its delegates (the agenda). */
export type Audience = 'COMPANY' | 'COMPANY_AND_DELEGATES';

const roles = (audience: Audience) => (audience === 'COMPANY' ? ['COMPANY'] : ['COMPANY', 'DELEGATE']);

export interface CompanyNotification {
  forumId: string;
  companyId: string;
  kind: NotificationKind;
  audience: Audience;
  /** What the template says; `name` (the recipient's) and `company` are added per row. */
  data: Record<string, unknown>;
  /** Gather rows of this key per recipient for `delayMs` into one message (agenda changes). */
  batch?: { key: string; delayMs: number };
}

/**
 * Writes one outbox row per account of the company that has not muted the
 * category, in the caller's transaction: the message exists exactly when the
 * change does. Answers the rows' ids.
 */
export async function notifyCompany(manager: EntityManager, n: CompanyNotification): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO notification (user_id, email, language, kind, category, forum_id, data, batch_key, send_after)
     SELECT u.id, u.email, ${LANGUAGE_SQL}, $2::varchar, $3::varchar, $4::uuid,
            $5::jsonb || jsonb_build_object('name', u.name, 'company', c.name),
            CASE WHEN $6::varchar IS NULL THEN NULL ELSE $6::varchar || ':' || u.id END,
            now() + make_interval(secs => $7::float8 / 1000)
       FROM user_account u JOIN company c ON c.id = u.company_id
      WHERE u.company_id = $1::uuid AND u.role = ANY($8::varchar[]) AND NOT ($3::varchar = ANY(u.muted_notifications))
     RETURNING id`,
    [n.companyId, n.kind, CATEGORY_OF[n.kind], n.forumId, JSON.stringify(n.data), n.batch?.key ?? null, n.batch?.delayMs ?? 0, roles(n.audience)],
  );
  return rows.map((row) => row.id);
}

/**
 * The publication of a schedule: one message per person of every approved
 * company (not one per meeting), with its meeting count, in one statement.
 */
export async function notifySchedulePublished(manager: EntityManager, forumId: string, scheduleId: string): Promise<number> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO notification (user_id, email, language, kind, category, forum_id, data)
     SELECT u.id, u.email, ${LANGUAGE_SQL}, 'SCHEDULE_PUBLISHED', 'AGENDA', f.id,
            jsonb_build_object('name', u.name, 'company', c.name, 'forum', f.name, 'timeZone', f.time_zone, 'forumId', f.id,
                               'version', s.version, 'scheduleId', s.id, 'companyId', c.id,
                               'meetings', (SELECT count(*) FROM meeting_participant mp WHERE mp.schedule_id = s.id AND mp.company_id = c.id))
       FROM registration r
       JOIN forum f ON f.id = r.forum_id
       JOIN schedule s ON s.id = $2
       JOIN company c ON c.id = r.company_id
       JOIN user_account u ON u.company_id = c.id AND u.role IN ('COMPANY', 'DELEGATE')
      WHERE r.forum_id = $1 AND r.status = 'APPROVED' AND NOT ('AGENDA' = ANY(u.muted_notifications))
     RETURNING id`,
    [forumId, scheduleId],
  );
  return rows.length;
}

/**
 * The organiser asks for a follow-up of outcomes (3, 6 months on): one message
 * to each representative and delegate of every company with meetings in the
 * published schedule, with its meeting count, in one statement.
 */
export async function notifyOutcomeFollowUp(manager: EntityManager, forumId: string, months: number): Promise<number> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO notification (user_id, email, language, kind, category, forum_id, data)
     SELECT u.id, u.email, ${LANGUAGE_SQL}, 'OUTCOME_FOLLOW_UP', 'REGISTRATION', f.id,
            jsonb_build_object('name', u.name, 'company', c.name, 'forum', f.name, 'timeZone', f.time_zone, 'forumId', f.id,
                               'companyId', c.id, 'months', $2::int, 'meetings', m.n)
       FROM forum f
       JOIN schedule s ON s.forum_id = f.id AND s.status = 'PUBLISHED'
       JOIN LATERAL (SELECT company_id, count(*)::int AS n FROM meeting_participant WHERE schedule_id = s.id GROUP BY 1) m ON true
       JOIN company c ON c.id = m.company_id
       JOIN user_account u ON u.company_id = c.id AND u.role IN ('COMPANY', 'DELEGATE')
      WHERE f.id = $1 AND NOT ('REGISTRATION' = ANY(u.muted_notifications))
     RETURNING id`,
    [forumId, months],
  );
  return rows.length;
}

/** A message to one account (password reset): SECURITY, never muted. */
export async function notifyUser(manager: EntityManager, userId: string, kind: NotificationKind, data: Record<string, unknown>): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO notification (user_id, email, language, kind, category, data)
     SELECT u.id, u.email, ${LANGUAGE_SQL}, $2::varchar, $3::varchar, $4::jsonb || jsonb_build_object('name', u.name, 'email', u.email)
       FROM user_account u LEFT JOIN company c ON c.id = u.company_id
      WHERE u.id = $1
     RETURNING id`,
    [userId, kind, CATEGORY_OF[kind], JSON.stringify(data)],
  );
  return rows.map((row) => row.id);
}

/**
 * The reminder the day before: for every forum day of a published schedule
 * that starts within the next 24 hours, one message to each person of each
 * approved company with meetings that day (written once: its dedupe key).
 * Answers how many were written.
 */
export async function planReminders(manager: EntityManager): Promise<number> {
  const rows: { id: string }[] = await manager.query(
    `WITH days AS (
       SELECT sl.forum_id, to_char(sl.starts_at AT TIME ZONE f.time_zone, 'YYYY-MM-DD') AS day, min(sl.starts_at) AS first
         FROM slot sl JOIN forum f ON f.id = sl.forum_id
        WHERE f.status = 'SCHEDULED'
        GROUP BY sl.forum_id, 2
       HAVING min(sl.starts_at) > now() AND min(sl.starts_at) <= now() + interval '24 hours'
     ),
     busy AS (
       SELECT d.forum_id, d.day, mp.company_id, count(*)::int AS meetings
         FROM days d
         JOIN forum f ON f.id = d.forum_id
         JOIN schedule s ON s.forum_id = d.forum_id AND s.status = 'PUBLISHED'
         JOIN meeting_participant mp ON mp.schedule_id = s.id
         JOIN slot sl ON sl.id = mp.slot_id AND to_char(sl.starts_at AT TIME ZONE f.time_zone, 'YYYY-MM-DD') = d.day
        GROUP BY d.forum_id, d.day, mp.company_id
     )
     INSERT INTO notification (user_id, email, language, kind, category, forum_id, data, dedupe_key)
     SELECT u.id, u.email, ${LANGUAGE_SQL}, 'REMINDER', 'AGENDA', f.id,
            jsonb_build_object('name', u.name, 'company', c.name, 'forum', f.name, 'forumId', f.id, 'timeZone', f.time_zone,
                               'companyId', c.id, 'day', b.day, 'meetings', b.meetings, 'venue', CASE WHEN coalesce(f.venue, '') = '' THEN '' ELSE ', ' || f.venue END),
            'reminder:' || f.id || ':' || b.day || ':' || u.id
       FROM busy b
       JOIN forum f ON f.id = b.forum_id
       JOIN registration r ON r.forum_id = f.id AND r.company_id = b.company_id AND r.status = 'APPROVED'
       JOIN company c ON c.id = b.company_id
       JOIN user_account u ON u.company_id = c.id AND u.role IN ('COMPANY', 'DELEGATE')
      WHERE NOT ('AGENDA' = ANY(u.muted_notifications))
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
  );
  return rows.length;
}
