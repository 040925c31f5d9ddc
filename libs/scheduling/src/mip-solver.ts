import type { MipSolver } from '@forum/matcher';

let loading: Promise<MipSolver> | null = null;

/**
 * HiGHS (WASM build, the `highs` package), loaded once per thread: the
 * matcher's exact stage solves with it (the matcher itself does no I/O).
 */
export function loadMipSolver(): Promise<MipSolver> {
  // highs ships CommonJS without typings worth importing here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= (require('highs') as () => Promise<MipSolver>)();
  return loading;
}
