import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { planReminders } from './outbox';
import { returned } from '@forum/db';
import type { NotificationSender } from './sender';

/** A job for the `notifications` queue: one outbox row (the job id keeps one job per row and try). */
export interface NotificationJob {
  id: string;
  jobId: string;
}

const RELAY_INTERVAL_MS = 500;
const BATCH = 500;
const INLINE_CONCURRENCY = 4;
const REMINDER_EVERY_TICKS = 10;

/**
 * Moves due outbox rows to whoever sends them, every half second: to the
 * `notifications` queue (worker, with Redis) or straight to the sender
 * (single process, without Redis). It also takes over the rows whose sender
 * died mid-send (claimed longer ago than the lock). A row written by any API
 * process is found here, so a crash between the change and the send loses
 * nothing. It also writes the reminders the day before each forum day.
 */
export class NotificationRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: NotificationSender,
    private readonly lockMs: number,
    /** With a queue: hands the jobs over. Without: the relay sends itself. */
    private readonly enqueue: ((jobs: NotificationJob[]) => Promise<void>) | null,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'notification relay tick failed; trying again'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  private ticks = 0;

  /** One pass; answers how many rows it handed on. Every tenth pass (about five seconds) also writes the day-before reminders that are due. */
  async tick(): Promise<number> {
    if (this.ticks++ % REMINDER_EVERY_TICKS === 0) await planReminders(this.dataSource.manager);
    const stale: { id: string; attempts: number }[] = await this.dataSource.query(
      `SELECT id, attempts FROM notification WHERE status = 'SENDING' AND claimed_at < now() - make_interval(secs => $1::float8 / 1000) LIMIT $2`,
      [this.lockMs, BATCH],
    );
    if (this.enqueue) {
      const due = returned<{ id: string }>(
        await this.dataSource.query(
          `UPDATE notification SET status = 'QUEUED'
            WHERE id IN (SELECT id FROM notification WHERE status = 'PENDING' AND send_after <= now() ORDER BY send_after LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING id`,
          [BATCH],
        ),
      );
      // A row can be handed on more than once (a burst's row waiting behind an older one): each time a new job; the claim keeps it to one send.
      const jobs = [...due.map(({ id }) => ({ id, jobId: `${id}-${Date.now().toString(36)}` })), ...stale.map(({ id, attempts }) => ({ id, jobId: `${id}-retry-${attempts}` }))];
      if (jobs.length) {
        try {
          await this.enqueue(jobs);
        } catch (error) {
          // Redis is away: put them back, the next pass tries again.
          await this.dataSource.query(`UPDATE notification SET status = 'PENDING' WHERE id = ANY($1) AND status = 'QUEUED'`, [due.map((row) => row.id)]);
          throw error;
        }
      }
      return jobs.length;
    }
    const due: { id: string }[] = await this.dataSource.query(`SELECT id FROM notification WHERE status = 'PENDING' AND send_after <= now() ORDER BY send_after LIMIT $1`, [BATCH]);
    // Four at a time, as the worker does (each row's claim keeps two senders off the same row).
    const ids = [...stale, ...due].map((row) => row.id);
    let next = 0;
    const lane = async () => {
      while (next < ids.length && !this.stopped) {
        const id = ids[next++];
        const outcome = await this.sender.deliver(id, { final: false, retryInPlace: true }).catch((error: unknown) => {
          this.logger.warn({ id, err: error }, 'notification not sent');
          return 'FAILED' as const;
        });
        if (outcome === 'RETRY') this.logger.warn({ id }, 'notification not sent; it will be tried again');
      }
    };
    await Promise.all(Array.from({ length: INLINE_CONCURRENCY }, lane));
    return stale.length + due.length;
  }
}
