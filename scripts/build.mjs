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
const SKIP = new Set(['node_modules', 'dist', 'e2e', '.nx']);
const STALE_LOCK_MS = 120_000;

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, out: { type: 'string', default: 'dist' } } });
const out = resolve(ROOT, values.out);
const stampFile = join(out, '.build-fingerprint');
const lock = `${out}.build-lock`;

function fingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  for (const source of SOURCES) walk(join(ROOT, source));
  return hash.digest('hex');
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

if (isFresh(fingerprint())) {
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
      [join(ROOT, 'node_modules/@swc/cli/bin/swc.js'), ...SOURCES, '-d', tmp, '--quiet', '--ignore', '**/*.spec.ts', '--ignore', '**/e2e/**'],
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
} finally {
  rmSync(lock, { recursive: true, force: true });
}
