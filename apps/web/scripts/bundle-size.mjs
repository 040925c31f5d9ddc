#!/usr/bin/env node
// npm run bench:web: the built web app's JavaScript and CSS, raw and gzip, and
// what the first page loads (index.html's scripts and their static imports).
// Writes the "web" section of docs/benchmarks.md.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(WEB, '../..');
const DIST = join(WEB, 'dist');
const assets = readdirSync(join(DIST, 'assets')).filter((name) => /\.(js|css)$/.test(name));
const size = (name) => {
  const data = readFileSync(join(DIST, 'assets', name));
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
};
// The first load: what index.html references, and what those import statically.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1]));
for (let grew = true; grew; ) {
  grew = false;
  for (const name of [...initial].filter((n) => n.endsWith('.js'))) {
    for (const m of readFileSync(join(DIST, 'assets', name), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
      const dep = m[1] ?? m[2];
      if (!initial.has(dep)) {
        initial.add(dep);
        grew = true;
      }
    }
  }
}
const kb = (n) => (n / 1024).toFixed(1);
const rows = assets.map((name) => ({ name, ...size(name), initial: initial.has(name) })).sort((a, b) => b.gzip - a.gzip);
const initialJs = rows.filter((r) => r.initial && r.name.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0);
const initialCss = rows.filter((r) => r.initial && r.name.endsWith('.css')).reduce((sum, r) => sum + r.gzip, 0);
const body = [
  `Command: \`npm run bench:web\` · ${new Date().toISOString().slice(0, 10)} · \`vite build\` of apps/web (routes split by TanStack Router's autoCodeSplitting), sizes with gzip -9.`,
  '',
  `First page (index.html and its static imports): **${kb(initialJs)} kB of JavaScript** (gzip; target ≤ 300 kB) and ${kb(initialCss)} kB of CSS. Each route's code loads when the route does.`,
  '',
  '| file | raw kB | gzip kB | first page |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name.replace(/-[\w-]{8}\./, '.')} | ${kb(r.raw)} | ${kb(r.gzip)} | ${r.initial ? 'yes' : ''} |`),
  '',
].join('\n');
const target = join(ROOT, 'docs/benchmarks.md');
const text = existsSync(target) ? readFileSync(target, 'utf8') : '';
const start = '<!-- bench:web:start -->';
const end = '<!-- bench:web:end -->';
const section = `${start}\n## Web app bundle\n\n${body}${end}`;
writeFileSync(target, text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${text.trimEnd()}\n\n${section}\n`);
process.stdout.write(`${body}\nWritten to docs/benchmarks.md\n`);
