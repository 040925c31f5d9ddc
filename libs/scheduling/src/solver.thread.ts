/**
 * Runs the matcher off the main thread, so the worker keeps renewing its job
 * lock, writing progress and hearing cancellation while it solves.
 * Protocol: workerData { instance, options, cancel: SharedArrayBuffer };
 * posts { type: 'progress', phase, percent } … then { type: 'done', result } or { type: 'error', message, invalid }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InstanceError, solve } from '@forum/matcher';
import { loadMipSolver } from './mip-solver';

const { instance, options, cancel } = workerData as {
  instance: unknown;
  options: { seed?: number; timeLimitMs?: number; iterations?: number; exact?: boolean };
  cancel: SharedArrayBuffer;
};
const cancelled = new Int32Array(cancel);

async function run() {
  const { exact, ...rest } = options;
  const mip = exact ? await loadMipSolver() : undefined;
  const result = solve(instance, {
    ...rest,
    mip,
    onProgress: ({ phase, percent }) => {
      parentPort?.postMessage({ type: 'progress', phase, percent });
      return Atomics.load(cancelled, 0) === 0;
    },
  });
  parentPort?.postMessage({ type: 'done', result });
}

run().catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    invalid: error instanceof InstanceError,
  });
});
