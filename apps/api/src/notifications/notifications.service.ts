import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, isLanguage, type AppConfig } from '@forum/common';
import { NOTIFICATION_CATEGORIES, type NotificationCategory, type NotificationKind, type NotificationStatus } from '@forum/db';
import { readUnsubscribeToken, renderMessage, type AgendaChange } from '@forum/notifications';
import { BadInputError } from '../common/domain-errors';
import type { Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';

export interface OutboxEntry {
  id: string;
  kind: NotificationKind;
  category: NotificationCategory;
  email: string;
  language: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sendAfter: Date;
  sentAt: Date | null;
  channel: string | null;
  subject: string;
  text: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly forums: ForumsService,
  ) {}

  /** The organiser's outbox of a forum, newest first: every message, its state and its text as the recipient reads it. */
  async outbox(principal: Principal, forumId: string, status: NotificationStatus | undefined, first: number): Promise<OutboxEntry[]> {
    const forum = await this.forums.findOwned(principal, forumId);
    if (!Number.isInteger(first) || first < 1 || first > 500) throw new BadInputError('first: from 1 to 500');
    const rows: (Omit<OutboxEntry, 'subject' | 'text'> & { data: Record<string, unknown> })[] = await this.dataSource.query(
      `SELECT id, kind, category, email, language, status, attempts, last_error AS "lastError", created_at AS "createdAt", send_after AS "sendAfter",
              sent_at AS "sentAt", channel, data
         FROM notification WHERE forum_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC, id LIMIT $3`,
      [forum.id, status ?? null, first],
    );
    return rows.map(({ data, ...row }) => {
      const language = isLanguage(row.language) ? row.language : 'en';
      const change = data.change as AgendaChange | undefined;
      const message = renderMessage({ kind: row.kind, language, data, changes: change ? [change] : undefined, links: {} });
      return { ...row, subject: message.subject, text: message.text };
    });
  }

  async muted(principal: Principal): Promise<NotificationCategory[]> {
    const [row]: { muted: NotificationCategory[] }[] = await this.dataSource.query('SELECT muted_notifications AS muted FROM user_account WHERE id = $1', [principal.userId]);
    return row?.muted ?? [];
  }

  async setMuted(principal: Principal, categories: NotificationCategory[]): Promise<NotificationCategory[]> {
    if (categories.includes('SECURITY')) throw new BadInputError('categories: security messages (password reset) cannot be muted');
    const unique = NOTIFICATION_CATEGORIES.filter((category) => categories.includes(category));
    await this.dataSource.query('UPDATE user_account SET muted_notifications = $2 WHERE id = $1', [principal.userId, unique]);
    return unique;
  }

  /** A one-click unsubscribe link: mutes its category for its account; answers the category. */
  async unsubscribe(token: string): Promise<NotificationCategory> {
    const read = typeof token === 'string' && token.length < 500 ? readUnsubscribeToken(this.config.jwtSecret, token) : null;
    if (!read) throw new BadInputError('token: this unsubscribe link is not valid');
    await this.dataSource.query(
      `UPDATE user_account SET muted_notifications = array_append(muted_notifications, $2::varchar) WHERE id = $1 AND NOT ($2 = ANY(muted_notifications))`,
      [read.userId, read.category],
    );
    return read.category;
  }
}
