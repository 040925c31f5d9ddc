/**
 * npm run bench:api
 *
 * The forum-day hot reads, measured honestly: the API runs as its own process
 * (`node dist/apps/api/src/main.js`, NODE_ENV=production) on a published
 * 500-company forum, and autocannon drives it at 100 connections, 10 s a row,
 * all in one run:
 *   - `{ __typename }`, the baseline;
 *   - one company's agenda repeated (the old figure; it executes too);
 *   - agendas of 300 distinct companies in rotation, each its own token (nothing replayable): as
 *     served (agendas held at the forum's agenda stamp), read whole (AGENDA_CACHE=false, a second
 *     process), and while the organiser marks meetings attended (each mark moves two companies' stamps);
 *   - `agenda.ics` of the same 300 companies in rotation, signed in;
 *   - their calendar feeds (`agenda.ics?token=`, what calendar apps poll) in rotation;
 *   - the distinct agendas again on a second API process with GRAPHQL_JIT=false (graphql-js
 *     executes every query), the same database, side by side.
 * Reports requests/s, p50, p99, errors and the CPU time per request of the API
 * process and of PostgreSQL (from /proc). Needs PostgreSQL (TEST_DATABASE_URL or the local default).
 * Writes docs/benchmarks.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createSigner } from 'fast-jwt';
import { DataSource } from 'typeorm';
import { hashPassword } from '@forum/common';
import { dataSourceOptions } from '@forum/db';
import { createTestDatabase } from '@forum/db/testing';
import { startBenchApi } from './api-process';
import { replaceSection } from './report';
import { seedLargeForum } from '@forum/db/testing';

const ROOT = join(__dirname, '../..');
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COMPANIES = 300;
const JWT_SECRET = 'bench-secret-'.padEnd(48, 'x');
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime + stime of a process, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** utime + stime of each PostgreSQL process on the machine (its backends serve the API's pool), in ms, by pid. */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres') byPid.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      // The process ended while being read.
    }
  }
  return byPid;
}

/** CPU the PostgreSQL processes used between two readings (a process that ended in between is not counted; one that started is, whole). */
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpuMs()) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function main() {
  const database = await createTestDatabase({ migrate: true });
  // BENCH_CPU_PROF_DIR=/tmp/prof writes a V8 CPU profile of the API process (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  // BENCH_NODE_ARGS="--max-semi-space-size=32" passes V8 flags to the API process (to measure their effect).
  const v8Flags = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const nodeArgs = [...profile, ...v8Flags];
  const api = startBenchApi(database.url, { jwtSecret: JWT_SECRET, nodeArgs });
  const { graphql } = api;
  let withoutJit: ReturnType<typeof startBenchApi> | undefined;
  let withoutFront: ReturnType<typeof startBenchApi> | undefined;
  let uncached: ReturnType<typeof startBenchApi> | undefined;
  const dataSource = new DataSource(dataSourceOptions({ url: database.url }));
  try {
    const url = await api.url;
    await dataSource.initialize();
    await dataSource.query("INSERT INTO user_account (email, password_hash, name, role) VALUES ('bench@example.com', $1, 'Bench', 'ORGANIZER')", [await hashPassword('bench-password')]);
    const organizer = (await graphql<{ login: { accessToken: string } }>('mutation { login(input: { email: "bench@example.com", password: "bench-password" }) { accessToken } }', {})).login.accessToken;
    const asOrganizer = <T>(query: string, variables: Record<string, unknown>) => graphql<T>(query, variables, organizer);
    const forumId = await seedLargeForum(dataSource, asOrganizer, 500);
    const { generateSchedule } = await asOrganizer<{ generateSchedule: { id: string } }>('mutation ($f: ID!) { generateSchedule(forumId: $f, options: { seed: 1 }) { id } }', { f: forumId });
    for (;;) {
      const { scheduleRun } = await asOrganizer<{ scheduleRun: { status: string } }>('query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: generateSchedule.id });
      if (scheduleRun.status === 'SUCCEEDED') break;
      if (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING') throw new Error(scheduleRun.status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await asOrganizer('mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: generateSchedule.id });

    // A representative for each of the 300 busiest companies, with a token signed as the API signs them.
    const companies: { company_id: string; n: number }[] = await dataSource.query(
      `SELECT company_id, count(*)::int AS n FROM meeting_participant mp JOIN schedule s ON s.id = mp.schedule_id
        WHERE s.forum_id = $1 AND s.status = 'PUBLISHED' GROUP BY company_id ORDER BY n DESC, company_id LIMIT $2`,
      [forumId, COMPANIES],
    );
    const sign = createSigner({ key: JWT_SECRET, algorithm: 'HS256', expiresIn: 3600_000 });
    const tokens: string[] = [];
    for (const [i, { company_id }] of companies.entries()) {
      const [{ id }] = await dataSource.query("INSERT INTO user_account (email, password_hash, name, role, company_id) VALUES ($1, 'x', 'Rep', 'COMPANY', $2) RETURNING id", [`rep${i}@example.com`, company_id]);
      tokens.push(sign({ sub: id, role: 'COMPANY', ver: 0 }));
    }
    const AGENDA = 'query ($forumId: ID!) { agenda(forumId: $forumId) { slot { startsAt endsAt label } table { label interpreter } counterpart { id name country delegates { name } } } }';
    for (const [i, token] of tokens.entries()) {
      const { agenda } = await graphql<{ agenda: unknown[] }>(AGENDA, { forumId }, token);
      if (agenda.length !== companies[i].n) throw new Error(`agenda of company ${i} has ${agenda.length} meetings, expected ${companies[i].n}`);
    }
    const agendaBody = JSON.stringify({ query: AGENDA, variables: { forumId } });
    // What calendar apps poll: each company's secret feed URL (no sign-in).
    const feedUrls: string[] = [];
    for (const token of tokens) {
      feedUrls.push((await graphql<{ createCalendarFeed: { url: string } }>('mutation ($forumId: ID!) { createCalendarFeed(forumId: $forumId) { url } }', { forumId }, token)).createCalendarFeed.url);
    }

    let next = 0;
    const rotate = (path: string, withBody: boolean, body = agendaBody) => [
      {
        method: withBody ? ('POST' as const) : ('GET' as const),
        path,
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` },
          ...(withBody ? { body } : {}),
        }),
      },
    ];
    // The other reads of a forum day's pages, each company its own (their queries as the web app asks them, trimmed).
    const OTHER_READS = {
      myRegistration: 'query ($forumId: ID!) { myRegistration(forumId: $forumId) { id status side checkInCode delegates { name email } } }',
      meetingRequests: 'query ($forumId: ID!) { meetingRequests(forumId: $forumId, direction: RECEIVED) { id status priority message from { id name country } } }',
      participants: 'query ($forumId: ID!) { participants(forumId: $forumId, first: 20) { totalCount edges { node { id name country sectors languages } } } }',
    };
    for (const query of Object.values(OTHER_READS)) {
      const answer = await graphql<Record<string, unknown>>(query, { forumId }, tokens[0]);
      if (Object.values(answer).some((value) => value === null)) throw new Error(`no answer to ${query}`);
    }
    const otherRead = (name: keyof typeof OTHER_READS) => ({ requests: rotate('/graphql', true, JSON.stringify({ query: OTHER_READS[name], variables: { forumId } })) });
    const run = async (title: string, options: Partial<autocannon.Options>, on: { child: typeof api.child; url: string } = { child: api.child, url }) => {
      const before = cpuMs(on.child.pid!);
      const postgresBefore = postgresCpuMs();
      const result = await autocannon({ url: on.url, connections: CONNECTIONS, duration: SECONDS, title, ...options });
      const requests = Math.max(1, result.requests.total);
      return { result, cpuPerRequest: (cpuMs(on.child.pid!) - before) / requests, postgresCpuPerRequest: postgresCpuSince(postgresBefore) / requests };
    };
    let nextFeed = 0;
    const feeds = [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: feedUrls[nextFeed++ % feedUrls.length] }) }];
    const graphqlPost = (body: string, token: string, base = url): Partial<autocannon.Options> => ({
      url: `${base}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    await run('warm-up', { requests: rotate('/graphql', true) });
    // The same forum and tokens on a second API process that runs every query on graphql-js (idle but for its own rows).
    // The same V8 flags, not profiled.
    withoutJit = startBenchApi(database.url, { jwtSecret: JWT_SECRET, nodeArgs: v8Flags, env: { GRAPHQL_JIT: 'false' } });
    const graphqlJs = { child: withoutJit.child, url: await withoutJit.url };
    await run('warm-up, graphql-js', { requests: rotate('/graphql', true) }, graphqlJs);
    // And on a third that leaves POST /graphql to Express, as before GraphqlHttpFront (the baseline of that change).
    withoutFront = startBenchApi(database.url, { jwtSecret: JWT_SECRET, nodeArgs: v8Flags, env: { GRAPHQL_HTTP_FRONT: 'false' } });
    const viaExpress = { child: withoutFront.child, url: await withoutFront.url };
    await run('warm-up, Express', { requests: rotate('/graphql', true) }, viaExpress);
    // And on a fourth that reads every agenda whole (no agendas held at the forum's stamp).
    uncached = startBenchApi(database.url, { jwtSecret: JWT_SECRET, nodeArgs: v8Flags, env: { AGENDA_CACHE: 'false' } });
    const readWhole = { child: uncached.child, url: await uncached.url };
    await run('warm-up, AGENDA_CACHE=false', { requests: rotate('/graphql', true) }, readWhole);

    // Floor staff marking attendance through the API while delegates poll: every mark moves the forum's agenda stamp.
    const meetingIds: string[] = (await dataSource.query(`SELECT m.id FROM meeting m JOIN schedule s ON s.id = m.schedule_id WHERE s.forum_id = $1 AND s.status = 'PUBLISHED' ORDER BY m.id`, [forumId])).map((r: { id: string }) => r.id);
    const MARKS_PER_SECOND = 10;
    const whileMarking = async <T>(load: () => Promise<T>): Promise<T & { marks: number }> => {
      let marks = 0;
      const timer = setInterval(() => {
        const id = meetingIds[marks++ % meetingIds.length];
        asOrganizer('mutation ($id: ID!) { markAttendance(meetingId: $id, status: HELD) { id } }', { id }).catch((error: unknown) => {
          process.stderr.write(`markAttendance failed: ${String(error)}\n`);
          process.exitCode = 1;
        });
      }, 1000 / MARKS_PER_SECOND);
      try {
        return { ...(await load()), marks };
      } finally {
        clearInterval(timer);
      }
    };
    const only = process.env.BENCH_ONLY;
    if (only && only in OTHER_READS) {
      const one = await run(only, otherRead(only as keyof typeof OTHER_READS));
      process.stdout.write(`${Math.round(one.result.requests.average)} requests/s, p99 ${one.result.latency.p99} ms, API CPU ${one.cpuPerRequest.toFixed(3)} ms/request, PostgreSQL ${one.postgresCpuPerRequest.toFixed(3)}\n`);
      return;
    }
    if (only === 'distinct' || only === 'trivial' || only === 'repeated' || only === 'uncached' || only === 'marking') {
      // For a CPU profile of one row alone (BENCH_CPU_PROF_DIR); writes no report.
      const rows = {
        distinct: () => run('agenda, 300 companies', { requests: rotate('/graphql', true) }),
        repeated: () => run('agenda, one company', graphqlPost(agendaBody, tokens[0])),
        uncached: () => run('agenda, 300 companies, AGENDA_CACHE=false', { requests: rotate('/graphql', true) }, readWhole),
        marking: () => whileMarking(() => run('agenda, 300 companies, while marking', { requests: rotate('/graphql', true) })),
        trivial: () => run('trivial', graphqlPost(JSON.stringify({ query: '{ __typename }' }), tokens[0])),
      };
      const one = await rows[only]();
      process.stdout.write(`${Math.round(one.result.requests.average)} requests/s, p99 ${one.result.latency.p99} ms, API CPU ${one.cpuPerRequest.toFixed(3)} ms/request, PostgreSQL ${one.postgresCpuPerRequest.toFixed(3)}\n`);
      return;
    }
    const trivial = await run('trivial', graphqlPost(JSON.stringify({ query: '{ __typename }' }), tokens[0]));
    const repeated = await run('agenda, one company', graphqlPost(agendaBody, tokens[0]));
    const distinct = await run('agenda, 300 companies', { requests: rotate('/graphql', true) });
    const distinctWhole = await run('agenda, 300 companies, AGENDA_CACHE=false', { requests: rotate('/graphql', true) }, readWhole);
    const distinctMarking = await whileMarking(() => run('agenda, 300 companies, while marking', { requests: rotate('/graphql', true) }));
    const distinctGraphqlJs = await run('agenda, 300 companies, graphql-js', { requests: rotate('/graphql', true) }, graphqlJs);
    const trivialExpress = await run('trivial, Express', graphqlPost(JSON.stringify({ query: '{ __typename }' }), tokens[0], viaExpress.url), viaExpress);
    const distinctExpress = await run('agenda, 300 companies, Express', { requests: rotate('/graphql', true) }, viaExpress);
    // The calendar rows warmed up too (their code compiled, their caches filled), as the GraphQL rows are.
    await run('warm-up, agenda.ics', { requests: rotate(`/forums/${forumId}/agenda.ics`, false) });
    const ics = await run('agenda.ics, 300 companies', { requests: rotate(`/forums/${forumId}/agenda.ics`, false) });
    await run('warm-up, calendar feeds', { requests: feeds });
    const feed = await run('calendar feeds, 300 companies', { requests: feeds });
    const others: [string, Awaited<ReturnType<typeof run>>][] = [];
    for (const name of Object.keys(OTHER_READS) as (keyof typeof OTHER_READS)[]) {
      await run(`warm-up, ${name}`, otherRead(name));
      others.push([name, await run(`${name}, 300 companies`, otherRead(name))]);
    }

    const row = (name: string, { result, cpuPerRequest, postgresCpuPerRequest }: Awaited<ReturnType<typeof run>>) =>
      `| ${name} | **${Math.round(result.requests.average)}** | ${Math.round((result.requests.average / trivial.result.requests.average) * 100)} % | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx + result.errors} | ${cpuPerRequest.toFixed(2)} | ${postgresCpuPerRequest.toFixed(2)} |`;
    const body = [
      `Command: \`npm run bench:api\` · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version} · the API in its own process (NODE_ENV=production), autocannon and PostgreSQL on the same machine.`,
      '',
      `${CONNECTIONS} connections, ${SECONDS} s a row (the agenda and calendar loads after a warm-up of their own on each process), one API process, one run. A published 500-company forum (libs/db/src/testing/seed-large-forum.ts); the ${COMPANIES} busiest companies (${companies.at(-1)!.n}–${companies[0].n} meetings each) each sign in with their own token. Every agenda asks PostgreSQL for its forum and the agenda stamps of the forum and of the company (moved by triggers, at commit, by any change to what agendas show: a change to a meeting moves the stamps of its two companies only), in one statement shared by the agendas asked for in the same turn of the event loop (BatchLoader); the statement reads the meetings of the companies whose agendas the process does not hold at the current stamps (AgendaCache, apps/api/src/agendas/agenda.query.ts). Verified tokens and users are kept too (invalidated across processes). Nothing is answered without its guard and that read. POST /graphql with JSON is served by Apollo straight from Node's HTTP server, before Express (apps/api/src/common/graphql-http-front.ts). A query document asked for again runs compiled by graphql-jit. The row \`AGENDA_CACHE=false\` is the same load on a second API process that reads every agenda whole; the row after it, on the first process while the organiser marks meetings attended through the API at a steady rate (each mark moves the stamps of its meeting's two companies, whose agendas are then read again; the marks' own CPU is counted in the row's). The three rows after those are the same loads on two more API processes (same database and tokens, idle during the other rows): one that runs every query on graphql-js, one that leaves POST /graphql to Express as before the front. The last rows are the other reads of a forum day's pages (\`myRegistration\`, \`meetingRequests\` received, the first 20 \`participants\`: queries in bench/api.bench.ts), each company with its own token, each read in one statement straight on the pool (the participants' page with its count and the forum's visibility; the requests with both companies), with nothing held. CPU per request: the API process's, and that of all PostgreSQL processes (the backends serving the API's pool), from /proc over the row's run.`,
      '',
      '| request | requests/s | of baseline | p50 ms | p99 ms | errors | API CPU ms/request | PostgreSQL CPU ms/request |',
      '|---|---|---|---|---|---|---|---|',
      row('`{ __typename }` (baseline)', trivial),
      row('`agenda`, one company repeated', repeated),
      row(`\`agenda\`, ${COMPANIES} companies in rotation`, distinct),
      row(`\`agenda\`, ${COMPANIES} companies in rotation, every agenda read whole (\`AGENDA_CACHE=false\`)`, distinctWhole),
      row(`\`agenda\`, ${COMPANIES} companies in rotation, while the organiser marks ${MARKS_PER_SECOND} meetings a second attended (${distinctMarking.marks} marks)`, distinctMarking),
      row(`\`agenda\`, ${COMPANIES} companies in rotation, every query on graphql-js (\`GRAPHQL_JIT=false\`)`, distinctGraphqlJs),
      row('`{ __typename }` through Express (`GRAPHQL_HTTP_FRONT=false`)', trivialExpress),
      row(`\`agenda\`, ${COMPANIES} companies in rotation, through Express (\`GRAPHQL_HTTP_FRONT=false\`)`, distinctExpress),
      row(`\`agenda.ics\`, ${COMPANIES} companies in rotation`, ics),
      row(`calendar feed (\`agenda.ics?token=\`), ${COMPANIES} companies in rotation`, feed),
      ...others.map(([name, result]) => row(`\`${name}\`, ${COMPANIES} companies in rotation`, result)),
      '',
      `Distinct-company agendas: ${Math.round((distinct.result.requests.average / trivial.result.requests.average) * 100)} % of the baseline (target ≥ 50 %, ≥ 1,000/s), p99 ${distinct.result.latency.p99} ms (target ≤ 100 ms); read whole ${Math.round((distinctWhole.result.requests.average / trivial.result.requests.average) * 100)} %, while marking ${Math.round((distinctMarking.result.requests.average / trivial.result.requests.average) * 100)} %; on graphql-js ${Math.round((distinctGraphqlJs.result.requests.average / trivial.result.requests.average) * 100)} %. Through Express (before the front): ${Math.round(distinctExpress.result.requests.average)} agendas/s and ${Math.round(trivialExpress.result.requests.average)} \`{ __typename }\`/s, so the front serves ${Math.round((distinct.result.requests.average / distinctExpress.result.requests.average) * 100)} % and ${Math.round((trivial.result.requests.average / trivialExpress.result.requests.average) * 100)} % of those; its lighter baseline is why the share of the baseline can fall while agendas get faster.`,
      'Earlier figures, kept for what they were: 4,305 agendas/s (97 % of the baseline) when one company\'s identical request was replayed from a 2 s response cache without executing (that cache is gone); about 160/s (~9 %) with five queries and ORM hydration per agenda; 899/s (35 %) with one statement per agenda but Apollo\'s pretty-printed JSON (now compact); 931–1,033/s (39–45 %) with one statement per agenda, on an earlier machine where the baseline ran at about 2,100/s; 499/s (48 %, baseline 1,035/s) with one statement per agenda, and 520/s (56 %, baseline 931/s) with agendas batched, on a machine about twice as slow as the one of the table above.',
      '',
    ].join('\n');
    const target = join(ROOT, 'docs/benchmarks.md');
    writeFileSync(target, replaceSection(existsSync(target) ? readFileSync(target, 'utf8') : '', 'api', body));
    process.stdout.write(`${body}\nWritten to docs/benchmarks.md\n`);
  } finally {
    await api.stop();
    await withoutJit?.stop();
    await withoutFront?.stop();
    await uncached?.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    // BENCH_KEEP_DATABASE=1 keeps the seeded forum for a look with psql.
    if (process.env.BENCH_KEEP_DATABASE) process.stdout.write(`Database kept: ${database.url}\n`);
    else await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
