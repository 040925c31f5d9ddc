import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ScheduleRun } from '@forum/db';
import { APP_CONFIG, type AppConfig, type ScheduleRunJobResult } from '@forum/common';
import { SchedulingJobService } from '@forum/scheduling';
import { SchedulingDispatcher } from './scheduling-dispatcher';

/**
 * Single-process mode (no REDIS_URL): runs the schedule in this process, after
 * the calling request has returned, through the same service the worker uses
 * (the solver itself runs on a worker thread). One run at a time, in order.
 */
@Injectable()
export class InProcessSchedulingDispatcher extends SchedulingDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InProcessSchedulingDispatcher.name);
  private readonly jobs = new Map<string, Promise<ScheduleRunJobResult>>();
  private tail: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly schedulingJobs: SchedulingJobService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /**
   * Runs left QUEUED or RUNNING when this process last stopped are picked up
   * again, at start-up and then every RECONCILE_INTERVAL_MS (a run written
   * while a dispatch failed is never stranded).
   */
  async onApplicationBootstrap() {
    await this.reconcile();
    this.timer = setInterval(() => {
      this.reconcile().catch((error: unknown) => this.logger.warn({ err: error }, 'reconciling unfinished runs failed; will retry'));
    }, this.config.reconcileIntervalMs);
  }

  private async reconcile() {
    const pending = await this.dataSource.getRepository(ScheduleRun).find({ where: { status: In(['QUEUED', 'RUNNING']) }, order: { createdAt: 'ASC' } });
    const fresh = pending.filter((run) => !this.jobs.has(run.id));
    for (const run of fresh) await this.dispatch(run.id);
    if (fresh.length) this.logger.log({ runs: fresh.length }, 'Resuming unfinished schedule runs', InProcessSchedulingDispatcher.name);
  }

  async dispatch(runId: string): Promise<void> {
    if (this.jobs.has(runId)) return;
    const job = this.tail.then(() => this.run(runId));
    this.tail = job.catch(() => undefined);
    this.jobs.set(runId, job);
    job.catch(() => undefined);
  }

  /** Settles when the run's job has finished; rejects if it failed. */
  completion(runId: string): Promise<ScheduleRunJobResult> {
    return this.jobs.get(runId) ?? Promise.reject(new Error(`No run ${runId} was dispatched in this process`));
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.tail;
  }

  private async run(runId: string): Promise<ScheduleRunJobResult> {
    const outcome = await this.schedulingJobs.run(runId, async (progress) => {
      this.logger.debug({ runId, ...progress }, 'scheduling progress');
    });
    return { ...outcome, processedBy: 'api' };
  }
}
