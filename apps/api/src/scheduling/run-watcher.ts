import type { ScheduleRun } from '@forum/db';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * Yields a run each time its status, phase or progress changes, until it ends.
 * Polling PostgreSQL (every `intervalMs`) works the same whether the worker app
 * or this process is doing the run, with no message broker between them.
 */
export async function* watchRun(load: () => Promise<ScheduleRun>, intervalMs = 250): AsyncGenerator<ScheduleRun> {
  let last = '';
  for (;;) {
    const run = await load();
    const key = `${run.status}|${run.phase}|${run.progress}`;
    if (key !== last) {
      last = key;
      yield run;
    }
    if (TERMINAL.has(run.status)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
