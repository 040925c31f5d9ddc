import { CreateForum1795502683012 } from './1795502683012-CreateForum';
import { AccountsForumsRequests1795505318354 } from './1795505318354-AccountsForumsRequests';
import { SchedulingRuns1795506074019 } from './1795506074019-SchedulingRuns';
import { CalendarFeeds1795506804559 } from './1795506804559-CalendarFeeds';
import { LanguagesSessionsSequences1795677564479 } from './1795677564479-LanguagesSessionsSequences';
import { AdminRole1795680000000 } from './1795680000000-AdminRole';
import { RegistrationApproval1795690000000 } from './1795690000000-RegistrationApproval';
import { Notifications1795700923795 } from './1795700923795-Notifications';
import { ForumDay1795702638896 } from './1795702638896-ForumDay';
import { ForumDayRefillOutcomes1795706956729 } from './1795706956729-ForumDayRefillOutcomes';
import { AgendaStamps1795800000000 } from './1795800000000-AgendaStamps';

/**
 * Every migration, oldest first. `npm run db:migration:generate -- migrations/<Name>`
 * writes a new file here; review it and add its class to this list.
 */
export const MIGRATIONS: Function[] = [CreateForum1795502683012, AccountsForumsRequests1795505318354, SchedulingRuns1795506074019, CalendarFeeds1795506804559, LanguagesSessionsSequences1795677564479, AdminRole1795680000000, RegistrationApproval1795690000000, Notifications1795700923795, ForumDay1795702638896, ForumDayRefillOutcomes1795706956729, AgendaStamps1795800000000];
