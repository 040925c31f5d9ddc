import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ProgressReporter, ScheduleForumJobData } from '@forum/common';
import { Forum } from '@forum/db';
import { ForumNotFoundError } from './forum-not-found.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ScheduleForumOutcome {
  forumId: string;
  forumName: string;
}

/**
 * Does the work of one `schedule-forum` job. The worker's BullMQ processor and
 * the API's single-process mode both call this, so the two paths cannot drift.
 *
 * Foundation scope: it loads the forum and reports progress through the phases.
 * Building the matcher instance, solving and storing meetings come with the
 * matcher and pipeline issues.
 */
@Injectable()
export class SchedulingJobService {
  constructor(@InjectRepository(Forum) private readonly forums: Repository<Forum>) {}

  async scheduleForum(data: ScheduleForumJobData, report: ProgressReporter): Promise<ScheduleForumOutcome> {
    await report({ phase: 'load', percent: 0 });
    const forum = UUID.test(data.forumId) ? await this.forums.findOneBy({ id: data.forumId }) : null;
    if (!forum) {
      throw new ForumNotFoundError(data.forumId);
    }
    await report({ phase: 'done', percent: 100 });
    return { forumId: forum.id, forumName: forum.name };
  }
}
