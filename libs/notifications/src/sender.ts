import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DataSource } from 'typeorm';
import { exportsT, isLanguage, type AppConfig, type Language } from '@forum/common';
import { returned, type Notification, type NotificationKind } from '@forum/db';
import { PermanentDeliveryError, type NotificationChannel, type OutgoingMessage } from './channels';
import { renderMessage, type AgendaChange } from './templates';
import { unsubscribeToken } from './unsubscribe';

/** How many times a message is tried before it is shown as failed. */
export const DELIVERY_ATTEMPTS = 4;

type Row = Omit<Notification, 'user' | 'forum'>;

export type DeliveryOutcome = 'SENT' | 'SKIPPED' | 'RETRY' | 'FAILED';

const ROW_SQL = `id, user_id AS "userId", email, language, kind, category, forum_id AS "forumId", data, batch_key AS "batchKey", send_after AS "sendAfter",
  status, attempts, last_error AS "lastError", claimed_at AS "claimedAt", sent_at AS "sentAt", channel, merged_into AS "mergedInto", created_at AS "createdAt"`;

/**
 * Sends one outbox row (and, for a burst of agenda changes, the rows of the
 * same key with it) through the channel, at most once per row: a row is
 * claimed (SENDING) in its own committed statement before anything leaves, and
 * only a claim older than `lockMs` — its sender died — is taken over. Its
 * Message-ID is the row's, the idempotency key a receiver sees.
 */
export class NotificationSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: NotificationChannel,
    private readonly config: Pick<AppConfig, 'mailFrom' | 'publicUrl' | 'jwtSecret' | 'notifyRetryMs'>,
    private readonly lockMs: number,
  ) {}

  get channelName(): string {
    return this.channel.name;
  }

  /**
   * `retryInPlace`: without a queue, a failed try puts the row back as PENDING
   * for later (backoff in `send_after`); with one, the row waits QUEUED and the
   * queue's own retry calls again.
   */
  async deliver(id: string, options: { final: boolean; retryInPlace: boolean }): Promise<DeliveryOutcome> {
    // A row of a burst goes out only as the oldest unsent of its burst (the others ride along with it),
    // so two senders never split one burst.
    const [claimed] = returned<Row>(
      await this.dataSource.query(
        `UPDATE notification n SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1
          WHERE n.id = $1 AND (n.status IN ('PENDING', 'QUEUED') OR (n.status = 'SENDING' AND n.claimed_at < now() - make_interval(secs => $2::float8 / 1000)))
            AND (n.batch_key IS NULL OR NOT EXISTS (
                  SELECT 1 FROM notification o WHERE o.batch_key = n.batch_key AND o.id <> n.id AND o.status IN ('PENDING', 'QUEUED', 'SENDING')
                     AND (o.created_at, o.id) < (n.created_at, n.id)))
         RETURNING ${ROW_SQL}`,
        [id, this.lockMs],
      ),
    );
    if (!claimed) {
      // Waiting behind an older row of its burst: back to PENDING, so the relay hands it on again if that one leaves it behind.
      await this.dataSource.query(`UPDATE notification SET status = 'PENDING', send_after = now() + interval '1 second' WHERE id = $1 AND status = 'QUEUED' AND batch_key IS NOT NULL`, [id]);
      return 'SKIPPED';
    }
    const rows = [claimed];
    if (claimed.batchKey) {
      const siblings = returned<Row>(
        await this.dataSource.query(
          `UPDATE notification SET status = 'SENDING', claimed_at = now() WHERE batch_key = $1 AND id <> $2 AND status IN ('PENDING', 'QUEUED') RETURNING ${ROW_SQL}`,
          [claimed.batchKey, claimed.id],
        ),
      );
      rows.push(...siblings.sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt)));
    }
    try {
      const message = await this.compose(claimed, rows);
      await this.channel.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const final = options.final || error instanceof PermanentDeliveryError || claimed.attempts >= DELIVERY_ATTEMPTS;
      if (final) {
        await this.dataSource.query(`UPDATE notification SET status = 'FAILED', last_error = $2 WHERE id = ANY($1)`, [rows.map((row) => row.id), reason.slice(0, 2000)]);
        if (error instanceof PermanentDeliveryError) throw error;
        return 'FAILED';
      }
      await this.dataSource.query(
        `UPDATE notification SET status = $3::varchar, last_error = $2, claimed_at = NULL,
                send_after = CASE WHEN $3::varchar = 'PENDING' THEN now() + make_interval(secs => $4::float8 / 1000) ELSE send_after END
          WHERE id = ANY($1)`,
        [rows.map((row) => row.id), reason.slice(0, 2000), options.retryInPlace ? 'PENDING' : 'QUEUED', this.config.notifyRetryMs * 2 ** (claimed.attempts - 1)],
      );
      if (options.retryInPlace) return 'RETRY';
      throw error;
    }
    // One statement: the row sent and the burst's others merged into it are marked together
    // (a reset link's token is not kept once its message is gone).
    await this.dataSource.query(
      `UPDATE notification SET status = CASE WHEN id = $1 THEN 'SENT' ELSE 'MERGED' END, merged_into = CASE WHEN id = $1 THEN NULL ELSE $1::uuid END,
              sent_at = now(), channel = $2, last_error = CASE WHEN id = $1 THEN NULL ELSE last_error END, data = CASE WHEN id = $1 THEN data - 'token' ELSE data END
        WHERE id = ANY($3::uuid[])`,
      [claimed.id, this.channel.name, rows.map((row) => row.id)],
    );
    return 'SENT';
  }

  private async compose(row: Row, rows: Row[]): Promise<OutgoingMessage> {
    const language: Language = isLanguage(row.language) ? row.language : 'en';
    const data = row.data;
    const forumId = row.forumId;
    const base = this.config.publicUrl;
    const action: Partial<Record<NotificationKind, string>> = forumId
      ? {
          REQUEST_RECEIVED: `${base}/forums/${forumId}/requests`,
          REQUEST_ACCEPTED: `${base}/forums/${forumId}/requests`,
          REQUEST_DECLINED: `${base}/forums/${forumId}/recommendations`,
          REQUEST_WITHDRAWN: `${base}/forums/${forumId}/requests`,
          REGISTRATION_APPROVED: `${base}/forums/${forumId}`,
          REGISTRATION_REJECTED: `${base}/forums/${forumId}`,
          SCHEDULE_PUBLISHED: `${base}/forums/${forumId}/agenda`,
          AGENDA_CHANGED: `${base}/forums/${forumId}/agenda`,
          REMINDER: `${base}/forums/${forumId}/agenda`,
          OUTCOME_FOLLOW_UP: `${base}/forums/${forumId}/agenda`,
        }
      : {};
    const resetUrl = typeof data.token === 'string' ? `${base}/reset-password?token=${encodeURIComponent(data.token)}` : undefined;
    const unsubscribe = row.category === 'SECURITY' ? undefined : `${base}/unsubscribe?token=${unsubscribeToken(this.config.jwtSecret, row.userId, row.category)}`;
    const changes = row.kind === 'AGENDA_CHANGED' ? rows.map((r) => r.data.change as AgendaChange).filter(Boolean) : undefined;
    const agenda =
      row.kind === 'REMINDER' && forumId && typeof data.companyId === 'string'
        ? (await this.meetings(forumId, data.companyId, String(data.day), String(data.timeZone))).map((m) => ({ startsAt: new Date(m.startsAt).toISOString(), table: m.table, counterpart: m.counterpart }))
        : undefined;
    // The token of a reset link is never written into the rendered data's text except as the link.
    const [custom]: { subject: string; body: string }[] = forumId
      ? await this.dataSource.query('SELECT subject, body FROM notification_template WHERE forum_id = $1 AND kind = $2 AND language = $3', [forumId, row.kind, language])
      : [];
    const rendered = renderMessage({ kind: row.kind, language, data: { ...data, token: undefined }, changes, agenda, custom, links: { action: row.kind === 'PASSWORD_RESET' ? resetUrl : action[row.kind], unsubscribe } });
    const headers: Record<string, string> = { 'X-Forum-Notification': row.id };
    if (unsubscribe) {
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const attachments = [];
    if (forumId && (row.kind === 'SCHEDULE_PUBLISHED' || row.kind === 'AGENDA_CHANGED' || row.kind === 'REMINDER') && typeof data.companyId === 'string') {
      const calendar = await this.calendar(forumId, data.companyId, language, changes, row.kind === 'REMINDER' ? String(data.day) : undefined);
      if (calendar) attachments.push({ filename: 'agenda.ics', content: calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
    }
    return { messageId: `<${row.id}@forum-matchmaker>`, to: row.email, from: this.config.mailFrom, ...rendered, headers, attachments };
  }

  /** A company's meetings in the forum's published schedule, in time order (of one local day when given). */
  private async meetings(forumId: string, companyId: string, day?: string, timeZone?: string) {
    const meetings: { id: string; a: string; b: string; sequence: number; startsAt: Date; endsAt: Date; table: string; interpreter: boolean; counterpart: string; forum: string; venue: string | null }[] =
      await this.dataSource.query(
        `SELECT m.id, m.company_a_id AS a, m.company_b_id AS b, m.sequence, sl.starts_at AS "startsAt", sl.ends_at AS "endsAt", t.label AS "table", t.interpreter,
                oc.name AS counterpart, f.name AS forum, f.venue
           FROM schedule s JOIN forum f ON f.id = s.forum_id
           JOIN meeting m ON m.schedule_id = s.id AND $2 IN (m.company_a_id, m.company_b_id)
           JOIN slot sl ON sl.id = m.slot_id JOIN forum_table t ON t.id = m.table_id
           JOIN company oc ON oc.id = CASE WHEN m.company_a_id = $2 THEN m.company_b_id ELSE m.company_a_id END
          WHERE s.forum_id = $1 AND s.status = 'PUBLISHED'
          ORDER BY sl.starts_at`,
        [forumId, companyId],
      );
    if (!day || !timeZone) return meetings;
    const localDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    return meetings.filter((meeting) => localDay.format(new Date(meeting.startsAt)) === day);
  }

  /**
   * The company's published meetings as calendar events (the pair's UID and
   * SEQUENCE, as the calendar feed writes them); for changes, only the
   * meetings concerned, a cancelled one as a CANCELLED event; for a
   * reminder, the day's.
   */
  private async calendar(forumId: string, companyId: string, language: Language, changes?: AgendaChange[], day?: string): Promise<string | null> {
    const [{ timeZone }]: { timeZone: string }[] = await this.dataSource.query('SELECT time_zone AS "timeZone" FROM forum WHERE id = $1', [forumId]);
    const meetings = await this.meetings(forumId, companyId, day, timeZone);
    const t = exportsT(language);
    const calendar = ical({ prodId: { company: 'Forum Matchmaker', product: 'agenda', language: language.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
    const wanted = changes ? new Set(changes.map((change) => change.meetingId)) : null;
    for (const meeting of meetings) {
      if (wanted && !wanted.has(meeting.id)) continue;
      const table = `${t('table', { label: meeting.table })}${meeting.interpreter ? ` (${t('interpreter')})` : ''}`;
      calendar.createEvent({
        id: `${forumId}.${meeting.a}.${meeting.b}@forum-matchmaker`,
        sequence: meeting.sequence,
        start: new Date(meeting.startsAt),
        end: new Date(meeting.endsAt),
        summary: t('meetingWith', { company: meeting.counterpart }),
        location: `${table}${meeting.venue ? `, ${meeting.venue}` : ''}`,
      });
    }
    for (const change of changes ?? []) {
      if (change.change !== 'CANCELLED' || !change.from || !change.pair) continue;
      const [a, b] = change.pair;
      const start = new Date(change.from.startsAt);
      calendar.createEvent({
        id: `${forumId}.${a}.${b}@forum-matchmaker`,
        sequence: (change.sequence ?? 0) + 1,
        start,
        end: new Date(change.from.endsAt ?? change.from.startsAt),
        summary: t('meetingWith', { company: change.counterpart }),
        status: ICalEventStatus.CANCELLED,
      });
    }
    return calendar.events().length ? calendar.toString() : null;
  }
}
