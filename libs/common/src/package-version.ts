import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The version in the repository's package.json, found from source and from dist/ alike. */
export function packageVersion(): string {
  if (cached) return cached;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'forum-matchmaker' && pkg.version) {
        cached = pkg.version;
        return cached;
      }
    }
  }
  return '0.0.0';
}
