import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProgressReporter } from '@forum/common';
import { Meeting, MeetingParticipant, Schedule, ScheduleRun, ScheduleRunStats } from '@forum/db';
import { buildInstance, ForumSnapshot, pairKey } from './build-instance';
import { loadForumSnapshot } from './load-snapshot';
import { solveInThread } from './solve-in-thread';

export class RunNotFoundError extends Error {
  override readonly name = 'RunNotFoundError';
}

/** Another process holds this forum's scheduling lock; the job should be retried later. */
export class ForumBusyError extends Error {
  override readonly name = 'ForumBusyError';
}

export interface RunOutcome {
  runId: string;
  status: ScheduleRun['status'];
}

const PROGRESS_WRITE_MS = 500;
const CANCEL_POLL_MS = 1000;

/**
 * Does one scheduling run: load a consistent snapshot of the forum, build the
 * matcher instance, solve it off the main thread with progress, store the
 * meetings as the run's draft schedule in one transaction. The worker's BullMQ
 * processor and the API's single-process mode both call this.
 *
 * Idempotent: a run that already finished is left as it is, and a run whose
 * schedule is already stored is only marked done, so a retried or stalled job
 * never produces two sets of meetings. A Postgres advisory lock keeps two
 * processes off the same forum at once.
 */
@Injectable()
export class SchedulingJobService {
  private readonly logger = new Logger(SchedulingJobService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(runId: string, report: ProgressReporter): Promise<RunOutcome> {
    const runs = this.dataSource.getRepository(ScheduleRun);
    const run = /^[0-9a-f-]{36}$/i.test(runId) ? await runs.findOneBy({ id: runId }) : null;
    if (!run) throw new RunNotFoundError(`Schedule run ${runId} does not exist`);
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED' || run.status === 'CANCELLED') {
      return { runId, status: run.status };
    }

    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`schedule:${run.forumId}`]);
      if (!locked) throw new ForumBusyError(`Forum ${run.forumId} is being scheduled by another process`);
      try {
        return await this.runLocked(run, report);
      } finally {
        await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`schedule:${run.forumId}`]);
      }
    } finally {
      await lock.release();
    }
  }

  private async runLocked(run: ScheduleRun, report: ProgressReporter): Promise<RunOutcome> {
    const runs = this.dataSource.getRepository(ScheduleRun);
    if (await this.dataSource.getRepository(Schedule).existsBy({ runId: run.id })) {
      await runs.update({ id: run.id }, { status: 'SUCCEEDED', phase: 'done', progress: 100, finishedAt: new Date() });
      return { runId: run.id, status: 'SUCCEEDED' };
    }
    if (run.cancelRequested) return this.finish(run.id, 'CANCELLED', 'cancelled before it started');
    await runs.update({ id: run.id }, { status: 'RUNNING', phase: 'load', progress: 0, startedAt: new Date(), attempts: run.attempts + 1 });
    const progress = this.progressWriter(run.id, report);
    await progress.write('load', 0, true);

    try {
      const started = Date.now();
      const snapshot = await this.loadSnapshot(run.forumId, run.options.keepPublished === true);
      const loaded = Date.now();
      await progress.write('build', 5, true);
      const built = buildInstance(snapshot, { includeRecommendations: run.options.includeRecommendations === true });
      await runs.update({ id: run.id }, { instance: built.instance as object });
      const builtAt = Date.now();

      let cancelled = false;
      let lastPoll = 0;
      const solving = solveInThread(
        built.instance,
        { seed: run.options.seed, timeLimitMs: run.options.timeLimitMs, exact: true },
        ({ phase, percent }) => {
          // Progress and the cancel check are best effort: a database hiccup here must not end the run (or the process).
          progress.write(phase, 10 + Math.round(percent * 0.8)).catch((error: unknown) => this.logger.warn({ runId: run.id, err: error }, 'progress not written'));
          if (Date.now() - lastPoll > CANCEL_POLL_MS) {
            lastPoll = Date.now();
            runs
              .findOneBy({ id: run.id })
              .then((current) => {
                if (current?.cancelRequested && !cancelled) {
                  cancelled = true;
                  solving.cancel();
                }
              })
              .catch((error: unknown) => this.logger.warn({ runId: run.id, err: error }, 'cancel check failed'));
          }
        },
      );
      const result = await solving.result;
      const solved = Date.now();
      if (cancelled || result.stats.cancelled) return this.finish(run.id, 'CANCELLED', 'cancelled by the organiser');

      await progress.write('store', 92, true);
      const fulfilled = result.schedule.meetings.reduce((sum, meeting) => sum + (built.requestsByPair.get(pairKey(meeting.a, meeting.b)) ?? 0), 0);
      const pairWeights = new Map(built.instance.pairs.map((pair) => [pairKey(pair.a, pair.b), pair.weight]));
      await this.dataSource.transaction(async (manager) => {
        const schedule = await manager.getRepository(Schedule).save({ forumId: run.forumId, runId: run.id, status: 'DRAFT', version: null });
        await this.storeMeetings(manager, schedule.id, result.schedule.meetings, pairWeights, new Set(built.instance.fixed?.map((f) => pairKey(f.a, f.b))));
        const stats: ScheduleRunStats = {
          meetings: result.stats.meetings,
          requestsFulfilled: fulfilled,
          requestsTotal: built.requestsTotal,
          weight: result.stats.weight,
          upperBound: result.stats.upperBound,
          gap: result.stats.gap,
          optimal: result.stats.optimal,
          holes: result.stats.holes,
          breaks: result.stats.breaks,
          seconds: { load: (loaded - started) / 1000, build: (builtAt - loaded) / 1000, solve: (solved - builtAt) / 1000, store: 0 },
        };
        stats.seconds.store = (Date.now() - solved) / 1000;
        await manager.getRepository(ScheduleRun).update({ id: run.id }, { status: 'SUCCEEDED', phase: 'done', progress: 100, stats, finishedAt: new Date() });
      });
      await report({ phase: 'done', percent: 100 });
      return { runId: run.id, status: 'SUCCEEDED' };
    } catch (error) {
      this.logger.error({ runId: run.id, err: error }, 'schedule run failed');
      await this.finish(run.id, 'FAILED', error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  private async finish(runId: string, status: 'FAILED' | 'CANCELLED', error: string): Promise<RunOutcome> {
    await this.dataSource.getRepository(ScheduleRun).update({ id: runId }, { status, error, phase: status.toLowerCase(), finishedAt: new Date() });
    return { runId, status };
  }

  /** Writes phase and percent to the run (at most every half second unless forced) and to the job. */
  private progressWriter(runId: string, report: ProgressReporter) {
    let lastWrite = 0;
    let lastPercent = -1;
    return {
      write: async (phase: string, percent: number, force = false) => {
        if (!force && (Date.now() - lastWrite < PROGRESS_WRITE_MS || percent === lastPercent)) return;
        lastWrite = Date.now();
        lastPercent = percent;
        await this.dataSource.getRepository(ScheduleRun).update({ id: runId }, { phase, progress: percent });
        await report({ phase, percent });
      },
    };
  }

  /** Everything the run needs, read in one REPEATABLE READ transaction (a consistent snapshot). */
  private loadSnapshot(forumId: string, keepPublished: boolean): Promise<ForumSnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => loadForumSnapshot(manager, forumId, keepPublished));
  }

  private async storeMeetings(
    manager: EntityManager,
    scheduleId: string,
    meetings: { a: string; b: string; slot: string; table: string }[],
    weights: Map<string, number>,
    fixed: Set<string>,
  ) {
    const rows = meetings.map((meeting) => {
      const [a, b] = meeting.a < meeting.b ? [meeting.a, meeting.b] : [meeting.b, meeting.a];
      return { scheduleId, slotId: meeting.slot, tableId: meeting.table, companyAId: a, companyBId: b, pinned: fixed.has(pairKey(a, b)), weight: weights.get(pairKey(a, b)) ?? 0 };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const inserted = await manager.getRepository(Meeting).insert(chunk);
      const participants = chunk.flatMap((row, k) => {
        const meetingId = inserted.identifiers[k].id as string;
        return [row.companyAId, row.companyBId].map((companyId) => ({ meetingId, companyId, scheduleId, slotId: row.slotId }));
      });
      await manager.getRepository(MeetingParticipant).insert(participants);
    }
  }
}

