import { CalendarFeed } from './calendar-feed.entity';
import { Company } from './company.entity';
import { Delegate } from './delegate.entity';
import { ForumSession } from './forum-session.entity';
import { ForumTable } from './forum-table.entity';
import { Forum } from './forum.entity';
import { MeetingParticipant } from './meeting-participant.entity';
import { MeetingRequest } from './meeting-request.entity';
import { Notification } from './notification.entity';
import { NotificationTemplate } from './notification-template.entity';
import { PasswordReset } from './password-reset.entity';
import { Meeting } from './meeting.entity';
import { FreedMeeting } from './freed-meeting.entity';
import { MeetingOutcome } from './meeting-outcome.entity';
import { OutcomeRound } from './outcome-round.entity';
import { RefillProposal } from './refill-proposal.entity';
import { Registration } from './registration.entity';
import { ScheduleRun } from './schedule-run.entity';
import { Schedule } from './schedule.entity';
import { Slot } from './slot.entity';
import { User } from './user.entity';

export * from './calendar-feed.entity';
export * from './company.entity';
export * from './delegate.entity';
export * from './forum-session.entity';
export * from './forum-table.entity';
export * from './forum.entity';
export * from './meeting-participant.entity';
export * from './meeting-request.entity';
export * from './meeting.entity';
export * from './freed-meeting.entity';
export * from './meeting-outcome.entity';
export * from './outcome-round.entity';
export * from './refill-proposal.entity';
export * from './notification.entity';
export * from './notification-template.entity';
export * from './password-reset.entity';
export * from './registration.entity';
export * from './schedule-run.entity';
export * from './schedule.entity';
export * from './slot.entity';
export * from './user.entity';

/** Every entity, for the DataSource. */
export const ENTITIES = [
  Company,
  User,
  Forum,
  ForumSession,
  Slot,
  ForumTable,
  Registration,
  Delegate,
  MeetingRequest,
  ScheduleRun,
  Schedule,
  Meeting,
  MeetingParticipant,
  CalendarFeed,
  Notification,
  NotificationTemplate,
  PasswordReset,
  FreedMeeting,
  RefillProposal,
  MeetingOutcome,
  OutcomeRound,
];
