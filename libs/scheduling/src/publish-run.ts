import { DataSource } from 'typeorm';
import { Forum, Schedule, ScheduleRun } from '@forum/db';
import { notifySchedulePublished } from '@forum/notifications';

export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/**
 * Makes a succeeded run's draft the forum's published schedule, version n+1,
 * in one transaction: the previous one becomes SUPERSEDED and the forum
 * SCHEDULED. The forum row is locked, so two publications queue up.
 */
export async function publishRun(dataSource: DataSource, runId: string): Promise<Schedule> {
  return dataSource.transaction(async (manager) => {
    const run = await manager.getRepository(ScheduleRun).findOneBy({ id: runId });
    if (!run) throw new PublishError(`Schedule run ${runId} does not exist`);
    if (run.status !== 'SUCCEEDED') throw new PublishError(`Only a SUCCEEDED run can be published; this one is ${run.status}`);
    const forum = await manager.getRepository(Forum).createQueryBuilder('forum').where('forum.id = :id', { id: run.forumId }).setLock('pessimistic_write').getOneOrFail();
    const schedule = await manager.getRepository(Schedule).findOneByOrFail({ runId });
    if (schedule.status !== 'DRAFT') throw new PublishError(`This run's schedule is already ${schedule.status}`);
    const [{ max }] = await manager.query('SELECT coalesce(max(version), 0)::int AS max FROM schedule WHERE forum_id = $1', [forum.id]);
    // A pair's meeting keeps its calendar event across versions: carry its SEQUENCE over, one higher where it moved.
    await manager.query(
      `UPDATE meeting m SET sequence = p.sequence + CASE WHEN p.slot_id = m.slot_id AND p.table_id = m.table_id THEN 0 ELSE 1 END
         FROM meeting p JOIN schedule ps ON ps.id = p.schedule_id AND ps.forum_id = $2 AND ps.status = 'PUBLISHED'
        WHERE m.schedule_id = $1 AND p.company_a_id = m.company_a_id AND p.company_b_id = m.company_b_id`,
      [schedule.id, forum.id],
    );
    await manager.getRepository(Schedule).update({ forumId: forum.id, status: 'PUBLISHED' }, { status: 'SUPERSEDED' });
    await manager.getRepository(Schedule).update({ id: schedule.id }, { status: 'PUBLISHED', version: max + 1, publishedAt: new Date() });
    if (forum.status !== 'SCHEDULED') await manager.getRepository(Forum).update({ id: forum.id }, { status: 'SCHEDULED' });
    // One message per person of each company, with the publication.
    await notifySchedulePublished(manager, forum.id, schedule.id);
    return manager.getRepository(Schedule).findOneByOrFail({ id: schedule.id });
  });
}
