#!/usr/bin/env node
// Builds dist/ with swc, safely when several processes start at once
// (`npm run start:api` and `npm run start:worker` side by side):
//   - skipped when no source changed since the last build (a fingerprint of
//     every source file's path, size and mtime is kept in dist/);
//   - one build at a time (a lock directory; the others wait, then see it fresh);
//   - built into a temporary directory and moved into place, so a running
//     process never sees a half-written dist/.
// Usage: node scripts/build.mjs [--force] [--out DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['apps', 'libs', 'migrations', 'bench'].filter((dir) => existsSync(join(ROOT, dir)));
const SKIP = new Set(['node_modules', 'dist', 'e2e', '.nx', 'web']);
/** The web app (apps/web) is built by Vite into apps/web/dist, when its own sources changed. */
const WEB = join(ROOT, 'apps/web');
const WEB_SOURCES = ['src', 'index.html', 'vite.config.mts', 'postcss.config.cjs'];
const WEB_SKIP = new Set(['node_modules', 'dist']);
const STALE_LOCK_MS = 120_000;

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, out: { type: 'string', default: 'dist' } } });
const out = resolve(ROOT, values.out);
const stampFile = join(out, '.build-fingerprint');
const lock = `${out}.build-lock`;

function fingerprint(roots = SOURCES.map((source) => join(ROOT, source)), skip = SKIP) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    if (statSync(dir).isFile()) {
      const { size, mtimeMs } = statSync(dir);
      hash.update(`${dir}\0${size}\0${mtimeMs}\n`);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (skip.has(entry.name) || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(tsx?|json|css)$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name)) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  for (const root of roots) walk(root);
  return hash.digest('hex');
}

const webRoots = () => [...WEB_SOURCES.map((source) => join(WEB, source)), join(ROOT, 'package-lock.json')];
const webStamp = join(WEB, 'dist', '.build-fingerprint');
const webFresh = (print) => !values.force && existsSync(webStamp) && readFileSync(webStamp, 'utf8') === print;

/** `vite build` of apps/web when its sources changed (its output is what the API serves at /). */
function buildWeb() {
  if (!existsSync(join(WEB, 'index.html')) || values.out !== 'dist') return;
  const print = fingerprint(webRoots(), WEB_SKIP);
  if (webFresh(print)) return;
  const vite = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(WEB, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('vite build failed');
  writeFileSync(webStamp, print);
}

const isFresh = (print) => !values.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === print;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquire() {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build that died leaves its lock behind: take it over after a while.
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      sleep(200);
    }
  }
}

if (isFresh(fingerprint()) && (values.out !== 'dist' || webFresh(fingerprint(webRoots(), WEB_SKIP)) || !existsSync(join(WEB, 'index.html')))) {
  process.stdout.write(values.out === 'dist' ? '' : 'up to date\n');
  process.exit(0);
}
acquire();
try {
  // Another process may have built it while this one waited.
  const print = fingerprint();
  if (isFresh(print)) {
    process.stdout.write(values.out === 'dist' ? '' : 'up to date\n');
  } else {
    const tmp = `${out}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const swc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/@swc/cli/bin/swc.js'), ...SOURCES, '-d', tmp, '--quiet', '--ignore', '**/*.spec.ts', '--ignore', '**/e2e/**', '--ignore', 'apps/web/**'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (swc.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      process.exit(swc.status ?? 1);
    }
    writeFileSync(join(tmp, '.build-fingerprint'), print);
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
    process.stdout.write(values.out === 'dist' ? '' : 'built\n');
  }
  buildWeb();
} finally {
  rmSync(lock, { recursive: true, force: true });
}
