import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface BenchApi {
  /** The API's process (for its CPU time). */
  child: ChildProcess;
  /** http://127.0.0.1:PORT, once the API has printed it. */
  url: Promise<string>;
  /** A GraphQL call that fails on errors. */
  graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T>;
  stop(): Promise<void>;
}

/** The built API (`npm start`'s --all-in-one) in its own process, production settings, on `databaseUrl`. */
export function startBenchApi(databaseUrl: string, options: { jwtSecret: string; nodeArgs?: string[]; env?: Record<string, string> }): BenchApi {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'dist/apps/api/src/main.js'), '--all-in-one'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', JWT_SECRET: options.jwtSecret, PORT: '0', DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'fm-bench-')), LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /GraphQL: (http:\/\/[\d.:]+)\/graphql/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`API exited (${code}): ${out}`)));
  });
  return {
    child,
    url,
    async graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
      const response = await fetch(`${await url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
