import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, isLanguage, type AppConfig } from '@forum/common';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS, type NotificationCategory, type NotificationKind, type NotificationStatus } from '@forum/db';
import { PLACEHOLDERS, readUnsubscribeToken, renderMessage, sampleData, STRINGS, unknownPlaceholders, type AgendaChange, type RenderedMessage } from '@forum/notifications';
import { LANGUAGES, type Language } from '@forum/common';
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

export interface TemplateEntry {
  kind: NotificationKind;
  language: Language;
  subject: string;
  body: string;
  custom: boolean;
  placeholders: string[];
}

export interface TemplateInput {
  kind: NotificationKind;
  language: Language;
  subject: string;
  body: string;
}

/** The kinds a forum's organiser words: every one but the password reset (not a forum's). */
const FORUM_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((kind) => kind !== 'PASSWORD_RESET');

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

  /** Every kind × language of a forum's messages: the organiser's words where set, else the product's. */
  async templates(principal: Principal, forumId: string): Promise<TemplateEntry[]> {
    const forum = await this.forums.findOwned(principal, forumId);
    const custom: { kind: NotificationKind; language: Language; subject: string; body: string }[] = await this.dataSource.query('SELECT kind, language, subject, body FROM notification_template WHERE forum_id = $1', [forum.id]);
    return FORUM_KINDS.flatMap((kind) =>
      LANGUAGES.map((language) => {
        const own = custom.find((row) => row.kind === kind && row.language === language);
        const product = STRINGS[language][kind];
        return { kind, language, subject: own?.subject ?? product.subject, body: own?.body ?? product.body.join('\n\n'), custom: Boolean(own), placeholders: PLACEHOLDERS[kind] };
      }),
    );
  }

  async setTemplate(principal: Principal, forumId: string, input: TemplateInput): Promise<TemplateEntry> {
    const forum = await this.forums.findOwned(principal, forumId);
    this.checkTemplate(input);
    await this.dataSource.query(
      `INSERT INTO notification_template (forum_id, kind, language, subject, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (forum_id, kind, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now()`,
      [forum.id, input.kind, input.language, input.subject.trim(), input.body.trim()],
    );
    return { ...input, subject: input.subject.trim(), body: input.body.trim(), custom: true, placeholders: PLACEHOLDERS[input.kind] };
  }

  async resetTemplate(principal: Principal, forumId: string, kind: NotificationKind, language: Language): Promise<TemplateEntry> {
    const forum = await this.forums.findOwned(principal, forumId);
    if (!FORUM_KINDS.includes(kind)) throw new BadInputError('kind: the password reset message is not a forum\'s');
    await this.dataSource.query('DELETE FROM notification_template WHERE forum_id = $1 AND kind = $2 AND language = $3', [forum.id, kind, language]);
    const product = STRINGS[language][kind];
    return { kind, language, subject: product.subject, body: product.body.join('\n\n'), custom: false, placeholders: PLACEHOLDERS[kind] };
  }

  /** The message as a recipient would read it, with sample names and times: the live preview of the template editor. */
  async preview(principal: Principal, forumId: string, input: TemplateInput): Promise<RenderedMessage> {
    const forum = await this.forums.findOwned(principal, forumId);
    this.checkTemplate(input);
    const sample = sampleData(input.kind, input.language, forum);
    const base = this.config.publicUrl;
    return renderMessage({
      kind: input.kind,
      language: input.language,
      ...sample,
      custom: { subject: input.subject, body: input.body },
      links: { action: `${base}/forums/${forum.id}`, unsubscribe: `${base}/unsubscribe?token=…` },
    });
  }

  private checkTemplate(input: TemplateInput) {
    if (!FORUM_KINDS.includes(input.kind)) throw new BadInputError('kind: the password reset message is not a forum\'s');
    if (!input.subject.trim() || input.subject.length > 300) throw new BadInputError('subject: from 1 to 300 characters');
    if (!input.body.trim() || input.body.length > 5000) throw new BadInputError('body: from 1 to 5,000 characters');
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownPlaceholders(input.kind, input[field]);
      if (unknown.length) throw new BadInputError(`${field}: ${unknown.map((name) => `{{${name}}}`).join(', ')} is not known here; use ${PLACEHOLDERS[input.kind].map((name) => `{{${name}}}`).join(', ')}`);
    }
  }
}
