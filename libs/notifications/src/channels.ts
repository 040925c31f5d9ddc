import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import nodemailer from 'nodemailer';

/** One message ready to go: who, what, in which words, with which files and headers. */
export interface OutgoingMessage {
  /** Stable per outbox row: the idempotency key receivers see as the Message-ID. */
  messageId: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; contentType: string }[];
}

/** A send that must not be retried (the address is refused for good). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/**
 * Where messages go. Email is the one built; KakaoTalk AlimTalk or Zalo ZNS
 * would be further implementations chosen per recipient.
 */
export interface NotificationChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/** A pool of SMTP connections (options in the URL's query, as nodemailer reads them). */
function pooled(smtpUrl: string) {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '2');
  return nodemailer.createTransport(url.toString());
}

/** SMTP through nodemailer; a 5xx answer is permanent, anything else is retried. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transport: ReturnType<typeof pooled>;

  constructor(smtpUrl: string) {
    this.transport = pooled(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        messageId: message.messageId,
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        attachments: message.attachments,
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code && code >= 500) throw new PermanentDeliveryError(`${code} ${(error as Error).message}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * Without SMTP (`npm start` on a laptop): each message is written as an .eml
 * file under `<dataDir>/mailbox` and logged, so nothing is lost silently; the
 * organiser's Outbox page shows them.
 */
export class LocalMailboxChannel implements NotificationChannel {
  readonly name = 'mailbox';
  private readonly logger = new Logger('LocalMailbox');

  constructor(private readonly dir: string) {}

  async send(message: OutgoingMessage): Promise<void> {
    const mail = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await mail.sendMail({ messageId: message.messageId, from: message.from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: message.headers, attachments: message.attachments });
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.messageId.replace(/[<>@]/g, '_')}.eml`);
    writeFileSync(file, info.message as Buffer);
    this.logger.log({ to: message.to, subject: message.subject, file }, 'message kept in the local mailbox (no SMTP_URL)');
  }
}
