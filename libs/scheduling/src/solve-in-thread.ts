import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InstanceError, solve, SolveProgress, SolveResult } from '@forum/matcher';
import { loadMipSolver } from './mip-solver';

export interface ThreadedSolve {
  result: Promise<SolveResult>;
  /** Asks the solver to stop at its next progress point (it then returns its best so far, marked cancelled). */
  cancel(): void;
}

/**
 * Solves in a worker thread (the built solver.thread.js beside this file);
 * where that file does not exist (tests running the TypeScript sources) it
 * solves on this thread, with the same callbacks.
 */
export function solveInThread(
  instance: unknown,
  /** `exact`: with HiGHS for the matcher's exact stage (whole-forum runs). */
  options: { seed?: number; timeLimitMs?: number; iterations?: number; exact?: boolean },
  onProgress: (progress: SolveProgress) => void,
): ThreadedSolve {
  const script = join(__dirname, 'solver.thread.js');
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  if (!existsSync(script)) {
    return {
      result: (options.exact ? loadMipSolver() : Promise.resolve(undefined)).then((mip) => {
        const { exact: _exact, ...rest } = options;
        return solve(instance, { ...rest, mip, onProgress: (progress) => (onProgress(progress), Atomics.load(flag, 0) === 0) });
      }),
      cancel: () => Atomics.store(flag, 0, 1),
    };
  }
  const worker = new Worker(script, { workerData: { instance, options, cancel } });
  const result = new Promise<SolveResult>((resolve, reject) => {
    worker.on('message', (message: { type: string; phase?: string; percent?: number; result?: SolveResult; message?: string; invalid?: boolean }) => {
      if (message.type === 'progress') onProgress({ phase: message.phase as SolveProgress['phase'], percent: message.percent ?? 0 });
      else if (message.type === 'done') resolve(message.result as SolveResult);
      else if (message.type === 'error') reject(message.invalid ? new InstanceError([message.message ?? '']) : new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`solver thread exited with code ${code}`)));
  });
  return { result, cancel: () => Atomics.store(flag, 0, 1) };
}
