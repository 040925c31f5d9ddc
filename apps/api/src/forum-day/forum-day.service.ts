import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Meeting, Registration, returned, type AttendanceStatus } from '@forum/db';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors';
import { isId } from '../common/ids';
import { isOrganizer, type Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';

/** The forum day: the check-in desk and who came to which meeting. */
@Injectable()
export class ForumDayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forums: ForumsService,
  ) {}

  /**
   * The desk scans or types a company's code: its registration, checked in
   * at the first scan (a second scan changes nothing and answers the first
   * time, so the desk can say "already checked in at 08:52").
   */
  async checkIn(principal: Principal, forumId: string, code: string): Promise<Registration> {
    const forum = await this.forums.findOwned(principal, forumId);
    const normalized = String(code ?? '').trim().toUpperCase();
    if (!/^[0-9A-Z]{4,12}$/.test(normalized)) throw new BadInputError('code: a check-in code is 4 to 12 letters and digits');
    const [row] = returned<{ id: string }>(
      await this.dataSource.query(
        `UPDATE registration SET checked_in_at = coalesce(checked_in_at, now()) WHERE forum_id = $1 AND check_in_code = $2 AND status = 'APPROVED' RETURNING id`,
        [forum.id, normalized],
      ),
    );
    if (!row) throw new NotFoundError('Check-in code', normalized);
    return this.dataSource.getRepository(Registration).findOneOrFail({ where: { id: row.id }, relations: { company: true, delegates: true, unavailableSlots: true } });
  }

  /**
   * Marks a published meeting HELD or NO_SHOW. Either company of the meeting
   * (its representatives or delegates): NO_SHOW means the other one did not
   * come. The forum's organiser (floor staff): NO_SHOW names the absent company.
   */
  async markAttendance(principal: Principal, meetingId: string, status: AttendanceStatus, absentCompanyId?: string | null): Promise<Meeting> {
    const meeting = isId(meetingId) ? await this.dataSource.getRepository(Meeting).findOneBy({ id: meetingId }) : null;
    if (!meeting) throw new NotFoundError('Meeting', meetingId);
    const [context]: { status: string; organizerId: string; forumId: string }[] = await this.dataSource.query(
      'SELECT s.status, f.organizer_id AS "organizerId", f.id AS "forumId" FROM schedule s JOIN forum f ON f.id = s.forum_id WHERE s.id = $1',
      [meeting.scheduleId],
    );
    const pair = [meeting.companyAId, meeting.companyBId];
    const ownCompany = principal.companyId && pair.includes(principal.companyId) ? principal.companyId : null;
    const organizer = isOrganizer(principal) && context?.organizerId === principal.userId;
    if (!context || (!ownCompany && !organizer)) throw new NotFoundError('Meeting', meetingId);
    if (context.status !== 'PUBLISHED') throw new ConflictError('Only meetings of the published schedule are attended');
    let absent: string | null = null;
    if (status === 'NO_SHOW') {
      if (ownCompany) {
        absent = pair.find((id) => id !== ownCompany)!;
        if (absentCompanyId && absentCompanyId !== absent) throw new ForbiddenError('A company marks only its counterpart as absent');
      } else {
        if (!absentCompanyId || !pair.includes(absentCompanyId)) throw new BadInputError('absentCompanyId: name the company of this meeting that did not come');
        absent = absentCompanyId;
      }
    } else if (absentCompanyId) {
      throw new BadInputError('absentCompanyId: only for NO_SHOW');
    }
    await this.dataSource.getRepository(Meeting).update({ id: meeting.id }, { attendance: status, absentCompanyId: absent, attendanceMarkedAt: new Date() });
    return this.dataSource.getRepository(Meeting).findOneByOrFail({ id: meeting.id });
  }
}
