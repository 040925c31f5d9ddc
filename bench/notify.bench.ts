/**
 * `npm run bench:notify`: what a publication costs in messages, and how fast
 * the sender empties the outbox.
 *
 * A 2,000-company forum (each company with a representative and a delegate
 * account: 4,000 recipients) is seeded and scheduled through the built API,
 * which is then stopped; the bench publishes the schedule itself (the API's
 * `publishRun`, which writes the outbox rows in the same transaction) and
 * times it against the same publication's statements without the messages.
 * Then the single-process sender (relay + NotificationSender + EmailChannel)
 * sends every row to an SMTP server in this process (smtp-server), against
 * the baseline of nodemailer sending the same rendered messages directly.
 * Needs PostgreSQL (TEST_DATABASE_URL or the local default).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { hashPassword, loadConfig } from '@forum/common';
import { dataSourceOptions } from '@forum/db';
import { createTestDatabase, seedLargeForum } from '@forum/db/testing';
import { EmailChannel, NotificationRelay, NotificationSender, notifySchedulePublished } from '@forum/notifications';
import { publishRun } from '@forum/scheduling';
import { startBenchApi } from './api-process';
import { replaceSection } from './report';

const ROOT = join(__dirname, '../..');
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 2000);
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

async function main() {
  const database = await createTestDatabase({ migrate: true });
  const api = startBenchApi(database.url, { jwtSecret: JWT_SECRET });
  const dataSource = new DataSource(dataSourceOptions({ url: database.url }));
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  try {
    await api.url;
    await dataSource.initialize();
    await dataSource.query("INSERT INTO user_account (email, password_hash, name, role) VALUES ('bench@example.com', $1, 'Bench', 'ORGANIZER')", [await hashPassword('bench-password')]);
    const organizer = (await api.graphql<{ login: { accessToken: string } }>('mutation { login(input: { email: "bench@example.com", password: "bench-password" }) { accessToken } }', {})).login.accessToken;
    const asOrganizer = <T>(query: string, variables: Record<string, unknown>) => api.graphql<T>(query, variables, organizer);
    const forumId = await seedLargeForum(dataSource, asOrganizer, COMPANIES);
    // A representative and a delegate for every company.
    await dataSource.query(
      `INSERT INTO user_account (email, password_hash, name, role, company_id)
       SELECT 'rep.' || r.company_id || '@example.com', 'x', 'Rep', 'COMPANY', r.company_id FROM registration r WHERE r.forum_id = $1
       UNION ALL
       SELECT 'delegate.' || r.company_id || '@example.com', 'x', 'Delegate', 'DELEGATE', r.company_id FROM registration r WHERE r.forum_id = $1`,
      [forumId],
    );
    const { generateSchedule } = await asOrganizer<{ generateSchedule: { id: string } }>('mutation ($f: ID!) { generateSchedule(forumId: $f, options: { seed: 1, timeLimitMs: 20000 }) { id } }', { f: forumId });
    for (;;) {
      const { scheduleRun } = await asOrganizer<{ scheduleRun: { status: string } }>('query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: generateSchedule.id });
      if (scheduleRun.status === 'SUCCEEDED') break;
      if (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING') throw new Error(scheduleRun.status);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The API would send the outbox itself (single process): stop it; this process sends.
    await api.stop();

    // Baseline: the publication's statements without its messages, in a transaction rolled back.
    const [{ id: scheduleId }] = await dataSource.query('SELECT id FROM schedule WHERE run_id = $1', [generateSchedule.id]);
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    let started = process.hrtime.bigint();
    await runner.query(`UPDATE schedule SET status = 'PUBLISHED', version = 1, published_at = now() WHERE id = $1`, [scheduleId]);
    await runner.query(`UPDATE forum SET status = 'SCHEDULED' WHERE id = $1`, [forumId]);
    const baselineMs = Number(process.hrtime.bigint() - started) / 1e6;
    started = process.hrtime.bigint();
    const queuedInRollback = await notifySchedulePublished(runner.manager, forumId, scheduleId);
    const insertMs = Number(process.hrtime.bigint() - started) / 1e6;
    await runner.rollbackTransaction();
    await runner.release();

    // The publication as the API does it, messages included, in one transaction.
    started = process.hrtime.bigint();
    await publishRun(dataSource, generateSchedule.id);
    const publishMs = Number(process.hrtime.bigint() - started) / 1e6;
    const [{ n: queued, meetings }] = await dataSource.query(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM meeting WHERE schedule_id = $2) AS meetings FROM notification WHERE forum_id = $1 AND kind = 'SCHEDULE_PUBLISHED'`,
      [forumId, scheduleId],
    );
    if (queued !== queuedInRollback || queued !== COMPANIES * 2) throw new Error(`expected ${COMPANIES * 2} messages, got ${queued}`);

    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
    const config = loadConfig({ JWT_SECRET, SMTP_URL: smtpUrl, PUBLIC_URL: 'https://forum.example.com', DATA_DIR: '/tmp/fm-bench-notify' });

    // Baseline: nodemailer alone, the same number of messages of the same size, one after another.
    const baselineChannel = new EmailChannel(smtpUrl);
    const sample = { messageId: '<sample@forum-matchmaker>', to: 'rep@example.com', from: config.mailFrom, subject: 'Lịch gặp của bạn', text: 'x'.repeat(900), html: `<p>${'x'.repeat(2400)}</p>`, headers: {}, attachments: [{ filename: 'agenda.ics', content: 'BEGIN:VCALENDAR\r\n'.repeat(60), contentType: 'text/calendar' }] };
    const direct = Math.min(queued, 1000);
    started = process.hrtime.bigint();
    for (let i = 0; i < direct; i++) await baselineChannel.send({ ...sample, messageId: `<sample-${i}@forum-matchmaker>` });
    const directMs = Number(process.hrtime.bigint() - started) / 1e6;
    await baselineChannel.close();

    // The outbox: claim, render (with each company's agenda as .ics), send, mark — every row.
    received = 0;
    const channel = new EmailChannel(smtpUrl);
    const sender = new NotificationSender(dataSource, channel, config, 30_000);
    const relay = new NotificationRelay(dataSource, sender, 30_000, null);
    started = process.hrtime.bigint();
    while ((await relay.tick()) > 0);
    const sendMs = Number(process.hrtime.bigint() - started) / 1e6;
    await channel.close();
    const [{ sent }] = await dataSource.query(`SELECT count(*)::int AS sent FROM notification WHERE status = 'SENT'`);
    if (sent !== queued || received !== queued) throw new Error(`sent ${sent}, received ${received}, of ${queued}`);

    const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
    const body = [
      '## Notifications (`npm run bench:notify`)',
      '',
      `Command: \`npm run bench:notify\` · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version} · PostgreSQL and the SMTP server (smtp-server, in the bench process) on the same machine.`,
      '',
      `A forum of ${COMPANIES.toLocaleString('en')} companies with a representative and a delegate each (${queued.toLocaleString('en')} recipients), ${Number(meetings).toLocaleString('en')} meetings.`,
      '',
      '| publication | time |',
      '|---|---:|',
      `| the publication's own statements, without messages (baseline) | ${baselineMs.toFixed(0)} ms |`,
      `| writing its ${queued.toLocaleString('en')} outbox rows (one INSERT … SELECT, measured alone) | ${insertMs.toFixed(0)} ms |`,
      `| \`publishRun\` as the API runs it: version, sequences, forum status and the messages, one transaction | ${publishMs.toFixed(0)} ms |`,
      '',
      '| sending | messages | time | messages/s |',
      '|---|---:|---:|---:|',
      `| nodemailer alone, one after another, same size (baseline) | ${direct.toLocaleString('en')} | ${(directMs / 1000).toFixed(1)} s | ${rate(direct, directMs)} |`,
      `| the outbox sender (single process, four at a time over two SMTP connections): claim, render in the reader's language with the agenda .ics, send, mark sent | ${queued.toLocaleString('en')} | ${(sendMs / 1000).toFixed(1)} s | ${rate(queued, sendMs)} |`,
      '',
      'With Redis, the worker sends the same way (four deliveries at once, two SMTP connections) from the `notifications` queue.',
    ].join('\n');
    const target = join(ROOT, 'docs/benchmarks.md');
    writeFileSync(target, replaceSection(existsSync(target) ? readFileSync(target, 'utf8') : '', 'notify', body));
    process.stdout.write(`${body}\nWritten to docs/benchmarks.md\n`);
  } finally {
    await api.stop().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
