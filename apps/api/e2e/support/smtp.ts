import { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Decides each message's answer: undefined accepts; an Error with responseCode refuses (4xx: try later, 5xx: never). */
  answer: (mail: ReceivedMail, index: number) => Promise<Error | undefined> | Error | undefined;
  /** How many client connections are open. */
  openConnections(): number;
  /** Resolves once `count` messages were accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (smtp-server): messages are parsed
 * (mailparser) and kept in `received` once accepted — a message whose
 * connection closed before the server answered is not delivered, as with a
 * real MTA that never said 250.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const closed = new Set<string>();
  const open = new Set<string>();
  let seen = 0;
  const smtp: TestSmtp = {
    url: '',
    received: [],
    answer: () => undefined,
    openConnections: () => open.size,
    async waitFor(count, timeoutMs = 20_000) {
      const started = Date.now();
      while (smtp.received.length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${count} messages; ${smtp.received.length} arrived`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return smtp.received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session: SMTPServerSession, callback: (error?: Error) => void) {
      open.add(session.id);
      callback();
    },
    onClose(session: SMTPServerSession) {
      closed.add(session.id);
      open.delete(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = { to: session.envelope.rcptTo.map((r) => r.address).join(','), raw, parsed: await simpleParser(raw) };
        const error = await smtp.answer(mail, seen++);
        if (error) return callback(error);
        if (closed.has(session.id)) return callback(new Error('connection closed'));
        smtp.received.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return smtp;
}
