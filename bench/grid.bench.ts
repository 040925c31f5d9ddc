/**
 * npm run bench:grid — how fast the organiser's schedule grid renders and how
 * long a move takes to show, in Debian's chromium against the built API and
 * web app, for the 100-company demo forum and a 500-company one (the same
 * seeder, scheduled and published). Writes the table into docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DataSource } from 'typeorm';
import { dataSourceOptions, seedDemo } from '@forum/db';
import { createTestDatabase } from '@forum/db/testing';
import { startBenchApi } from './api-process';
import { replaceSection } from './report';

const ROOT = join(__dirname, '../..');
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1];
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium']).toString().trim();
  } catch {
    return '/usr/bin/chromium';
  }
}

async function main() {
  const database = await createTestDatabase({ migrate: true });
  const api = startBenchApi(database.url, { jwtSecret: 'bench-secret-'.padEnd(48, 'x') });
  const { graphql } = api;
  const dataSource = new DataSource(dataSourceOptions({ url: database.url }));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const url = await api.url;
    await dataSource.initialize();
    const forums: { companies: number; forumId: string }[] = [];
    for (const companies of [100, 500]) forums.push({ companies, forumId: (await seedDemo(dataSource, { companies })).forumId });
    const token = (await graphql<{ login: { accessToken: string } }>('mutation { login(input: { email: "organizer@demo.forum", password: "demo-organizer" }) { accessToken } }', {})).login.accessToken;
    const rows: string[] = [];
    for (const { companies, forumId } of forums) {
      const { generateSchedule } = await graphql<{ generateSchedule: { id: string } }>('mutation ($f: ID!) { generateSchedule(forumId: $f, options: { seed: 1, timeLimitMs: 5000 }) { id } }', { f: forumId }, token);
      for (;;) {
        const { scheduleRun } = await graphql<{ scheduleRun: { status: string } }>('query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: generateSchedule.id }, token);
        if (scheduleRun.status === 'SUCCEEDED') break;
        if (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING') throw new Error(scheduleRun.status);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await graphql('mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: generateSchedule.id }, token);
      const { schedule } = await graphql<{ schedule: { meetings: unknown[] } }>('query ($f: ID!) { schedule(forumId: $f) { meetings { id } } }', { f: forumId }, token);
      const { forum } = await graphql<{ forum: { slots: unknown[]; tables: unknown[] } }>('query ($f: ID!) { forum(id: $f) { slots { id } tables { id } } }', { f: forumId }, token);

      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${url}/sign-in`);
      // Strings: this file is compiled without the DOM's types.
      await page.evaluate(`localStorage.setItem('fm.token', ${JSON.stringify(token)})`);
      const renders: number[] = [];
      const selects: number[] = [];
      const moves: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = Date.now();
        await page.goto(`${url}/organizer/forums/${forumId}/schedule`);
        await page.waitForFunction(`document.querySelectorAll('[data-testid="grid-meeting"]').length === ${schedule.meetings.length}`, undefined, { timeout: 60_000 });
        renders.push(Date.now() - started);
        selects.push(await timeToSelect(page));
        moves.push(await timeToMove(page));
      }
      await page.close();
      rows.push(
        `| ${companies} companies: ${forum.slots.length} slots × ${forum.tables.length} tables, ${schedule.meetings.length} meetings | ${median(renders)} | ${median(selects)} | ${median(moves)} |`,
      );
    }
    const body = [
      `Command: \`npm run bench:grid\` · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · node ${process.version} · Debian's chromium (headless, 1440 × 900) against the built API and web app on the same machine.`,
      '',
      `The organiser's schedule page of a published forum (the demo seeder at 100 and 500 companies), median of ${ROUNDS} rounds: **render** from navigation to every meeting card on screen (the page's queries included); **choose** from a click on a card to every cell marked green or red; **move** from a tap on a green cell to the card drawn there (moveMeeting and the schedule read again).`,
      '',
      '| forum | render ms | choose ms | move ms |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    const target = join(ROOT, 'docs/benchmarks.md');
    writeFileSync(target, replaceSection(existsSync(target) ? readFileSync(target, 'utf8') : '', 'grid', body));
    process.stdout.write(`${body}\nWritten to docs/benchmarks.md\n`);
  } finally {
    await browser.close();
    await api.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

/** A click on a card until the grid has marked every cell; from the last rows (tables without interpreters have room), until one has somewhere to go. */
async function timeToSelect(page: Page): Promise<number> {
  const cards = page.getByTestId('grid-meeting');
  const total = await cards.count();
  for (let i = 0; i < Math.min(total, 40); i++) {
    const started = Date.now();
    await cards.nth(total - 1 - i).click();
    await page.waitForFunction(`document.querySelectorAll('td[data-state]').length > 0`);
    const elapsed = Date.now() - started;
    if ((await page.locator('td[data-state="ok"]').count()) > 0) return elapsed;
    await page.getByRole('button', { name: 'Done' }).click();
  }
  throw new Error('no meeting of the last 40 has anywhere to go');
}

/** A tap on the first green cell until the chosen meeting is drawn there; undone afterwards so every round starts alike. */
async function timeToMove(page: Page): Promise<number> {
  const target = page.locator('td[data-state="ok"]').first();
  const slot = await target.getAttribute('data-slot');
  const table = await target.getAttribute('data-table');
  const started = Date.now();
  await target.click();
  await page.locator(`td[data-slot="${slot}"][data-table="${table}"] [data-testid="grid-meeting"]`).waitFor();
  const elapsed = Date.now() - started;
  await page.getByRole('button', { name: 'Undo last move' }).click();
  await page.locator(`td[data-slot="${slot}"][data-table="${table}"] [data-testid="grid-meeting"]`).waitFor({ state: 'detached' });
  return elapsed;
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
