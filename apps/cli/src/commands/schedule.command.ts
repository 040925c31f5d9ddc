import { In } from 'typeorm';
import type { AppConfig } from '@forum/common';
import { Forum, ScheduleRun } from '@forum/db';
import { publishRun, SchedulingJobService } from '@forum/scheduling';
import { UsageError } from '../usage-error';
import { withDatabase } from './with-database';

/**
 * `npm run cli -- schedule --forum ID [--publish] [--seed N] [--time-limit-ms N]`: a scheduling
 * run from the command line, the same work the worker does, with a progress bar and a summary.
 */
export async function scheduleCommand(config: AppConfig, options: Map<string, string>, print: (line: string) => void): Promise<void> {
  const forumId = options.get('--forum') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(forumId)) throw new UsageError('--forum must be a forum id');
  const whole = (flag: string) => {
    const value = options.get(flag);
    if (value !== undefined && !/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number`);
    return value === undefined ? undefined : Number(value);
  };
  const publish = options.get('--publish') === 'true';
  await withDatabase(config, async (dataSource) => {
    const forum = await dataSource.getRepository(Forum).findOneBy({ id: forumId });
    if (!forum) throw new UsageError(`Forum ${forumId} does not exist`);
    const active = await dataSource.getRepository(ScheduleRun).findOne({ where: { forumId, status: In(['QUEUED', 'RUNNING']) } });
    if (active) throw new UsageError(`Run ${active.id} of this forum is already ${active.status}; wait for it or cancel it (cancelScheduleRun)`);
    const run = await dataSource.getRepository(ScheduleRun).save({ forumId, status: 'QUEUED', phase: 'queued', progress: 0, options: { seed: whole('--seed'), timeLimitMs: whole('--time-limit-ms') } });
    const bar = (percent: number, phase: string) => {
      const filled = Math.round(percent / 4);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${String(Math.round(percent)).padStart(3)}% ${phase.padEnd(10)}`);
    };
    const outcome = await new SchedulingJobService(dataSource).run(run.id, async ({ phase, percent }) => bar(percent, phase));
    process.stderr.write('\n');
    const done = await dataSource.getRepository(ScheduleRun).findOneByOrFail({ id: run.id });
    if (outcome.status !== 'SUCCEEDED' || !done.stats) throw new Error(`The run ended ${outcome.status}: ${done.error ?? ''}`);
    const stats = done.stats;
    const rows: [string, string | number][] = [
      ['forum', forum.name],
      ['run', run.id],
      ['meetings', stats.meetings],
      ['requests fulfilled', `${stats.requestsFulfilled} of ${stats.requestsTotal}`],
      ['weight', stats.weight],
      ['upper bound', stats.upperBound],
      ['gap', `${(stats.gap * 100).toFixed(3)} %`],
      ['holes', stats.holes],
      ['breaks', stats.breaks],
      ['seconds', Object.values(stats.seconds).reduce((sum, s) => sum + s, 0).toFixed(2)],
    ];
    for (const [key, value] of rows) print(`${key.padEnd(20)} ${value}`);
    if (publish) {
      const schedule = await publishRun(dataSource, run.id);
      print(`${'published'.padEnd(20)} version ${schedule.version}`);
    }
  });
}
