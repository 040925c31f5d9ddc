import { EntityManager, In } from 'typeorm';
import { Company, Delegate, Forum, ForumTable, Meeting, MeetingRequest, Registration, Schedule, Slot } from '@forum/db';
import type { ForumSnapshot } from './build-instance';

/**
 * What a run (or a re-fill) reads of a forum, as plain data. Call it inside a
 * REPEATABLE READ transaction for a consistent snapshot.
 */
export async function loadForumSnapshot(manager: EntityManager, forumId: string, keepPublished: boolean): Promise<ForumSnapshot> {
  const forum = await manager.getRepository(Forum).findOneByOrFail({ id: forumId });
  const slots = await manager.getRepository(Slot).find({ where: { forumId }, order: { position: 'ASC' } });
  const tables = await manager.getRepository(ForumTable).find({ where: { forumId }, order: { number: 'ASC' } });
  // Only approved registrations are scheduled (forums that approve each one leave the others out).
  const registrations = await manager.getRepository(Registration).find({ where: { forumId, status: 'APPROVED' }, relations: { unavailableSlots: true } });
  const companyIds = registrations.map((registration) => registration.companyId);
  const companies = companyIds.length ? await manager.getRepository(Company).findBy({ id: In(companyIds) }) : [];
  const delegates = registrations.length
    ? await manager.getRepository(Delegate).findBy({ registrationId: In(registrations.map((registration) => registration.id)) })
    : [];
  const requests = await manager.getRepository(MeetingRequest).findBy({ forumId, status: In(['PENDING', 'ACCEPTED']) });
  const published = keepPublished ? await publishedMeetings(manager, forumId) : [];
  const companyById = new Map(companies.map((company) => [company.id, company]));
  return {
    forum: { id: forum.id, sides: forum.sides, maxMeetingsPerCompany: forum.maxMeetingsPerCompany, timeZone: forum.timeZone },
    slots,
    tables,
    registrations: registrations.map((registration) => {
      const company = companyById.get(registration.companyId)!;
      const spoken = [...new Set(delegates.filter((d) => d.registrationId === registration.id).flatMap((d) => d.languages))];
      return {
        companyId: registration.companyId,
        side: registration.side,
        maxMeetings: registration.maxMeetings,
        unavailableSlotIds: (registration.unavailableSlots ?? []).map((slot) => slot.id),
        languages: spoken.length ? spoken : company.languages,
        profile: company,
      };
    }),
    requests,
    published,
  };
}

async function publishedMeetings(manager: EntityManager, forumId: string): Promise<Meeting[]> {
  const schedule = await manager.getRepository(Schedule).findOneBy({ forumId, status: 'PUBLISHED' });
  return schedule ? manager.getRepository(Meeting).findBy({ scheduleId: schedule.id }) : [];
}
