import { DEMO_COMPANY, DEMO_DELEGATE, DEMO_ORGANIZER } from '@forum/db';

/** What `npm start` prints about the demo forum: logins and three operations to try. */
export function demoGuide(url: string, forumId: string): string {
  return `
Demo forum: Korea–Vietnam ICT Investment Forum, Da Nang (id ${forumId}), requests closed, ready to schedule.
  Organiser: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}
  Company:   ${DEMO_COMPANY.email} / ${DEMO_COMPANY.password} (VinaTech Software)
  Delegate:  ${DEMO_DELEGATE.email} / ${DEMO_DELEGATE.password} (VinaTech Software, read-only)

Try (POST ${url}/graphql, Authorization: Bearer <accessToken from login>):
  mutation { login(input: { email: "${DEMO_ORGANIZER.email}", password: "${DEMO_ORGANIZER.password}" }) { accessToken } }
  mutation { generateSchedule(forumId: "${forumId}") { id status } }
  query { scheduleRun(id: "<run id>") { status progress stats { meetings requestsFulfilled weight upperBound holes } } }
Then publishSchedule(runId), and as the company: query { agenda(forumId: "${forumId}") { slot { label } table { label interpreter } counterpart { name } } }
Skip the demo with SEED_DEMO=false.
`;
}
