import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createForumFixture, ForumFixture } from './support/forum-fixture';
import { gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

const ROOT = join(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `npm run web:dev`: Vite serves the app with hot reload and proxies the API —
 * queries, exports, health and the graphql-ws subscriptions — to a running API.
 */
describe('the web app in development (Vite proxying the API)', () => {
  let api: TestApi;
  let f: ForumFixture;
  let vite: ChildProcess;
  let base: string;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    const { port: apiPort } = api.app.getHttpServer().address() as { port: number };
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    vite = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'apps/web/vite.config.mts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: ROOT,
      env: { ...process.env, API_URL: `http://127.0.0.1:${apiPort}` },
      stdio: 'ignore',
    });
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/`).then((response) => response.ok, () => false);
      if (up) break;
      if (i > 300) throw new Error('vite did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);

  afterAll(async () => {
    vite?.kill();
    await api?.close();
  });

  it('serves the app on deep links and proxies queries, health and exports to the API', async () => {
    const page = await fetch(`${base}/forums/${f.forumId}/agenda`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<div id="root">');
    const answer = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ serverInfo { schedulingMode } }' }) });
    expect(await answer.json()).toEqual({ data: { serverInfo: { schedulingMode: expect.any(String) } } });
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // An export without its token: the API's answer, not the app's page.
    const pdf = await fetch(`${base}/forums/${f.forumId}/agenda.pdf`);
    expect(pdf.status).toBe(401);
  });

  it('carries a graphql-ws subscription through the proxy until the run ends', async () => {
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: f.forumId }, f.organizer));
    const run = ok(await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($f: ID!) { generateSchedule(forumId: $f) { id } }', { f: f.forumId }, f.organizer)).generateSchedule;
    const statuses = await new Promise<string[]>((resolve, reject) => {
      const client = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${f.organizer}` } });
      const seen: string[] = [];
      client.subscribe<{ scheduleRunUpdated: { status: string } }>(
        { query: 'subscription ($id: ID!) { scheduleRunUpdated(id: $id) { status } }', variables: { id: run.id } },
        {
          next: (message) => seen.push(message.data!.scheduleRunUpdated.status),
          error: (error) => {
            void client.dispose();
            reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
          },
          complete: () => {
            void client.dispose();
            resolve(seen);
          },
        },
      );
    });
    expect(statuses.at(-1)).toBe('SUCCEEDED');
  });
});
