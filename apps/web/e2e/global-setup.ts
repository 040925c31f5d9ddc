import type { FullConfig } from '@playwright/test';

/** The demo forum with its schedule published, as an organiser would do it (the README tour's steps). */
export default async function globalSetup(config: FullConfig) {
  const base = config.projects[0].use.baseURL!;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { login } = await gql<{ login: { accessToken: string } }>('mutation { login(input: { email: "organizer@demo.forum", password: "demo-organizer" }) { accessToken } }');
  const token = login.accessToken;
  const { forums } = await gql<{ forums: { id: string; status: string }[] }>('{ forums { id status } }', {}, token);
  const forumId = forums[0].id;
  // A second forum, open for registration (the demo one has closed its requests).
  await gql(
    `mutation ($in: CreateForumInput!) { createForum(input: $in) { id } }`,
    {
      in: {
        name: 'Hanoi Smart City Business Forum',
        venue: 'National Convention Center, Hanoi',
        timeZone: 'Asia/Ho_Chi_Minh',
        sides: ['VN', 'KR'],
        slotMinutes: 30,
        maxMeetingsPerCompany: 6,
        sessions: [{ startsAt: '2024-11-20T09:00:00+07:00', endsAt: '2024-11-20T11:00:00+07:00' }],
        tableCount: 10,
        interpreterTableCount: 4,
      },
    },
    token,
  ).then(async (created) => {
    const id = (created as { createForum: { id: string } }).createForum.id;
    await gql('mutation ($id: ID!) { setForumStatus(id: $id, status: OPEN) { id } }', { id }, token);
  });
  if (forums[0].status === 'SCHEDULED') return;
  const { generateSchedule } = await gql<{ generateSchedule: { id: string } }>('mutation ($f: ID!) { generateSchedule(forumId: $f, options: { seed: 1 }) { id } }', { f: forumId }, token);
  for (let i = 0; ; i++) {
    const { scheduleRun } = await gql<{ scheduleRun: { status: string } }>('query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: generateSchedule.id }, token);
    if (scheduleRun.status === 'SUCCEEDED') break;
    if (i > 600 || (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING')) throw new Error(`demo schedule run ${scheduleRun.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await gql('mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: generateSchedule.id }, token);
}
