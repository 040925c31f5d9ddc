import type Redis from 'ioredis';

/** A worker that has not beaten for this long is taken for gone. */
export const WORKER_HEARTBEAT_TTL_MS = 30_000;
export const WORKER_HEARTBEAT_INTERVAL_MS = 10_000;

/** The sorted set (member: worker id, score: last beat in ms) where scheduling workers announce themselves. */
export function workersKey(queuePrefix: string): string {
  return `${queuePrefix}:scheduling-workers`;
}

/** Records that `workerId` is alive now (and forgets workers long gone). */
export async function beat(redis: Redis, queuePrefix: string, workerId: string, now = Date.now()): Promise<void> {
  await redis.multi().zadd(workersKey(queuePrefix), now, workerId).zremrangebyscore(workersKey(queuePrefix), 0, now - 10 * WORKER_HEARTBEAT_TTL_MS).exec();
}

/** Removes a worker that stops on purpose, so it is not counted until its heartbeat expires. */
export async function leave(redis: Redis, queuePrefix: string, workerId: string): Promise<void> {
  await redis.zrem(workersKey(queuePrefix), workerId);
}

/** How many workers have beaten within the TTL. */
export async function liveWorkers(redis: Redis, queuePrefix: string, now = Date.now()): Promise<number> {
  return redis.zcount(workersKey(queuePrefix), now - WORKER_HEARTBEAT_TTL_MS, '+inf');
}
