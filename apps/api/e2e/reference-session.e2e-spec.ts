import { codeOf, createOrganizer, gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/**
 * The contract's reference session (docs/api.md), document for
 * document, up to the meeting request being accepted.
 */
describe('the reference session of the API contract', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await createOrganizer(api.app, 'organizer@example.com', 'organizer-password');
  });

  afterAll(() => api.close());

  it('runs verbatim: login → createForum → open → four sign-ups → register → browse → recommend → request → accept', async () => {
    const app = api.app;
    const login = ok(
      await gql<{ login: { accessToken: string; user: { id: string; role: string } } }>(
        app,
        'mutation ($in: LoginInput!) { login(input: $in) { accessToken user { id role } } }',
        { in: { email: 'organizer@example.com', password: 'organizer-password' } },
      ),
    );
    expect(login.login.user.role).toBe('ORGANIZER');
    const organizer = login.login.accessToken;

    const created = ok(
      await gql<{ createForum: { id: string; slots: { id: string; startsAt: string; endsAt: string }[]; tables: { id: string; label: string; interpreter: boolean }[] } }>(
        app,
        'mutation ($in: CreateForumInput!) { createForum(input: $in) { id slots { id startsAt endsAt } tables { id label interpreter } } }',
        {
          in: {
            name: 'Korea–Vietnam ICT Forum Da Nang',
            venue: 'Da Nang',
            timeZone: 'Asia/Ho_Chi_Minh',
            sides: ['KR', 'VN'],
            slotMinutes: 30,
            breakMinutes: 0,
            maxMeetingsPerCompany: 8,
            sessions: [
              { startsAt: '2024-06-10T09:00:00+07:00', endsAt: '2024-06-10T12:00:00+07:00' },
              { startsAt: '2024-06-10T13:30:00+07:00', endsAt: '2024-06-10T17:00:00+07:00' },
            ],
            tableCount: 20,
            interpreterTableCount: 8,
          },
        },
        organizer,
      ),
    ).createForum;
    expect(created.slots).toHaveLength(13);
    expect(created.slots[0]).toMatchObject({ startsAt: '2024-06-10T02:00:00.000Z', endsAt: '2024-06-10T02:30:00.000Z' });
    expect(created.slots[6].startsAt).toBe('2024-06-10T06:30:00.000Z');
    expect(created.tables).toHaveLength(20);
    expect(created.tables.filter((table) => table.interpreter)).toHaveLength(8);
    expect(created.tables[0]).toMatchObject({ label: 'T01', interpreter: true });
    const forumId = created.id;

    const opened = ok(await gql(app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: OPEN) { id status } }', { id: forumId }, organizer));
    expect(opened).toEqual({ setForumStatus: { id: forumId, status: 'OPEN' } });

    const companies = [
      { email: 'ceo@vinatech.vn', name: 'Nguyen Van A', company: { name: 'VinaTech Software', country: 'VN', sectors: ['SOFTWARE'], offers: ['offshore development'], seeks: ['AI partners'], languages: ['vi', 'en'] } },
      { email: 'cto@hanoicloud.vn', name: 'Tran Thi B', company: { name: 'Hanoi Cloud', country: 'VN', sectors: ['CLOUD'], offers: ['cloud hosting'], seeks: ['semiconductor suppliers'], languages: ['vi'] } },
      { email: 'ceo@seoul-ai.kr', name: 'Kim Min-jun', company: { name: 'Seoul AI Labs', country: 'KR', sectors: ['AI', 'SOFTWARE'], offers: ['AI partners for computer vision'], seeks: ['offshore development teams'], languages: ['ko', 'en'] } },
      { email: 'bd@busan-chips.kr', name: 'Park Ji-woo', company: { name: 'Busan Chips', country: 'KR', sectors: ['SEMICONDUCTORS'], offers: ['semiconductor suppliers'], seeks: ['assembly partners'], languages: ['ko'] } },
    ];
    const tokens: string[] = [];
    const companyIds: string[] = [];
    for (const signUp of companies) {
      const result = ok(
        await gql<{ signUp: { accessToken: string; user: { id: string; role: string; company: { id: string } } } }>(
          app,
          'mutation ($in: SignUpInput!) { signUp(input: $in) { accessToken user { id role company { id } } } }',
          { in: { ...signUp, password: 'a long password' } },
        ),
      );
      expect(result.signUp.user.role).toBe('COMPANY');
      tokens.push(result.signUp.accessToken);
      companyIds.push(result.signUp.user.company.id);
    }
    const [vinaTech, hanoiCloud, seoulAi, busanChips] = tokens;

    for (const [i, token] of tokens.entries()) {
      const registered = ok(
        await gql<{ registerForForum: { id: string; side: string } }>(
          app,
          'mutation ($forumId: ID!, $in: RegistrationInput!) { registerForForum(forumId: $forumId, input: $in) { id side } }',
          {
            forumId,
            in: { side: companies[i].company.country, unavailableSlotIds: [], delegates: [{ name: companies[i].name, email: companies[i].email, languages: companies[i].company.languages }] },
          },
          token,
        ),
      );
      expect(registered.registerForForum.side).toBe(companies[i].company.country);
    }

    const participants = ok(
      await gql<{ participants: { edges: { node: { id: string; name: string; country: string } }[]; totalCount: number } }>(
        app,
        'query ($forumId: ID!) { participants(forumId: $forumId, filter: { side: "KR" }, first: 50) { edges { node { id name country } } totalCount } }',
        { forumId },
        vinaTech,
      ),
    );
    expect(participants.participants.totalCount).toBe(2);
    expect(participants.participants.edges.map((edge) => edge.node)).toEqual([
      { id: companyIds[3], name: 'Busan Chips', country: 'KR' },
      { id: companyIds[2], name: 'Seoul AI Labs', country: 'KR' },
    ]);

    // Filters combine: Korean side, speaking English, offering or seeking something about "computer vision".
    const filtered = ok(
      await gql<{ participants: { edges: { node: { name: string } }[]; totalCount: number } }>(
        app,
        'query ($forumId: ID!, $filter: ParticipantFilter) { participants(forumId: $forumId, filter: $filter) { edges { node { name } } totalCount } }',
        { forumId, filter: { side: 'KR', language: 'en', keyword: 'vision' } },
        vinaTech,
      ),
    );
    expect(filtered.participants.edges.map((edge) => edge.node.name)).toEqual(['Seoul AI Labs']);
    const byLanguage = ok(
      await gql<{ participants: { totalCount: number } }>(app, 'query ($forumId: ID!) { participants(forumId: $forumId, filter: { language: "ko" }) { totalCount } }', { forumId }, vinaTech),
    );
    expect(byLanguage.participants.totalCount).toBe(2);
    const badLanguage = await gql(app, 'query ($forumId: ID!) { participants(forumId: $forumId, filter: { language: "Korean" }) { totalCount } }', { forumId }, vinaTech);
    expect(badLanguage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // One company's page: its profile and delegates, without their emails.
    const page = ok(
      await gql<{ participant: { name: string; offers: string[]; delegates: { name: string; email: string | null }[] } }>(
        app,
        'query ($forumId: ID!, $companyId: ID!) { participant(forumId: $forumId, companyId: $companyId) { name offers delegates { name email } } }',
        { forumId, companyId: companyIds[2] },
        vinaTech,
      ),
    );
    expect(page.participant).toEqual({ name: 'Seoul AI Labs', offers: ['AI partners for computer vision'], delegates: [{ name: 'Kim Min-jun', email: null }] });
    const notRegistered = await gql(app, 'query ($forumId: ID!, $companyId: ID!) { participant(forumId: $forumId, companyId: $companyId) { name } }', { forumId, companyId: '00000000-0000-4000-8000-000000000000' }, vinaTech);
    expect(notRegistered.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const recommended = ok(
      await gql<{
        recommendedPartners: { company: { id: string; name: string }; score: number; reasons: string[]; why: { kind: string; theirs: string | null; yours: string | null; languages: string[] | null }[] }[];
      }>(
        app,
        'query ($forumId: ID!) { recommendedPartners(forumId: $forumId, first: 10) { company { id name } score reasons why { kind theirs yours languages } } }',
        { forumId },
        vinaTech,
      ),
    );
    expect(recommended.recommendedPartners.map((r) => r.company.name)).toEqual(['Seoul AI Labs', 'Busan Chips']);
    expect(recommended.recommendedPartners[0].score).toBeGreaterThan(recommended.recommendedPartners[1].score);
    expect(recommended.recommendedPartners[0].reasons).toContain("offers 'AI partners for computer vision' which you seek ('AI partners')");
    expect(recommended.recommendedPartners[0].why).toContainEqual({ kind: 'OFFERS_WHAT_YOU_SEEK', theirs: 'AI partners for computer vision', yours: 'AI partners', languages: null });
    expect(recommended.recommendedPartners[0].why).toContainEqual({ kind: 'SHARED_LANGUAGES', theirs: null, yours: null, languages: ['en'] });

    const requested = ok(
      await gql<{ requestMeeting: { id: string; status: string } }>(
        app,
        'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id status } }',
        { in: { forumId, toCompanyId: companyIds[2], priority: 5, message: 'We build computer-vision pipelines offshore.' } },
        vinaTech,
      ),
    );
    expect(requested.requestMeeting.status).toBe('PENDING');

    // Only the receiver can answer.
    expect(codeOf(await gql(app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id status } }', { id: requested.requestMeeting.id }, hanoiCloud))).toBe('NOT_FOUND');
    const accepted = ok(
      await gql(app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id status } }', { id: requested.requestMeeting.id }, seoulAi),
    );
    expect(accepted).toEqual({ respondToMeetingRequest: { id: requested.requestMeeting.id, status: 'ACCEPTED' } });

    const received = ok(
      await gql<{ meetingRequests: { status: string; priority: number; from: { name: string } }[] }>(
        app,
        'query ($forumId: ID!) { meetingRequests(forumId: $forumId, direction: RECEIVED) { status priority from { name } } }',
        { forumId },
        seoulAi,
      ),
    );
    expect(received.meetingRequests).toEqual([{ status: 'ACCEPTED', priority: 5, from: { name: 'VinaTech Software' } }]);

    // More requests, so the schedule has something to weigh: Busan Chips ↔ Hanoi Cloud (mutual), Seoul AI → Hanoi Cloud.
    for (const [token, to, priority] of [[busanChips, companyIds[1], 4], [hanoiCloud, companyIds[3], 2], [seoulAi, companyIds[1], 1]] as const) {
      ok(await gql(app, 'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id status } }', { in: { forumId, toCompanyId: to, priority } }, token));
    }
    ok(await gql(app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id status } }', { id: forumId }, organizer));

    // Scheduling, verbatim: generateSchedule → scheduleRun until SUCCEEDED → publishSchedule.
    const generated = ok(
      await gql<{ generateSchedule: { id: string; status: string } }>(app, 'mutation ($forumId: ID!) { generateSchedule(forumId: $forumId) { id status } }', { forumId }, organizer),
    ).generateSchedule;
    expect(generated.status).toBe('QUEUED');
    type Run = { scheduleRun: { id: string; status: string; phase: string; progress: number; stats: { meetings: number; requestsFulfilled: number; weight: number; upperBound: number; holes: number } | null; error: string | null } };
    const seen: number[] = [];
    let run: Run['scheduleRun'];
    for (;;) {
      run = ok(
        await gql<Run>(app, 'query ($id: ID!) { scheduleRun(id: $id) { id status phase progress stats { meetings requestsFulfilled weight upperBound holes } error } }', { id: generated.id }, organizer),
      ).scheduleRun;
      seen.push(run.progress);
      if (run.status !== 'QUEUED' && run.status !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(run.status).toBe('SUCCEEDED');
    expect(run.error).toBeNull();
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(100);
    // Three pairs were requested (VinaTech–Seoul AI, Busan–Hanoi both ways, Seoul AI–Hanoi): all four requests fulfilled.
    expect(run.stats).toMatchObject({ meetings: 3, requestsFulfilled: 4, holes: 0 });
    expect(run.stats!.weight).toBe(run.stats!.upperBound);

    const published = ok(
      await gql<{ publishSchedule: { version: number; meetings: { id: string }[] } }>(app, 'mutation ($runId: ID!) { publishSchedule(runId: $runId) { version meetings { id } } }', { runId: generated.id }, organizer),
    ).publishSchedule;
    expect(published).toMatchObject({ version: 1 });
    expect(published.meetings).toHaveLength(3);
    const forum = ok(await gql<{ forum: { status: string } }>(app, 'query ($id: ID!) { forum(id: $id) { status } }', { id: forumId }, organizer));
    expect(forum.forum.status).toBe('SCHEDULED');

    // The session ends, verbatim, with a company's agenda.
    const agenda = ok(
      await gql<{ agenda: { slot: { startsAt: string; endsAt: string }; table: { label: string; interpreter: boolean }; counterpart: { id: string; name: string } }[] }>(
        app,
        'query ($forumId: ID!) { agenda(forumId: $forumId) { slot { startsAt endsAt } table { label interpreter } counterpart { id name } } }',
        { forumId },
        hanoiCloud,
      ),
    ).agenda;
    // Hanoi Cloud meets Busan Chips (mutual) and Seoul AI Labs, in time order, in the forum's slots.
    expect(agenda.map((item) => item.counterpart.name).sort()).toEqual(['Busan Chips', 'Seoul AI Labs']);
    expect(agenda.map((item) => item.counterpart.id).sort()).toEqual([companyIds[2], companyIds[3]].sort());
    expect(agenda[0].slot.startsAt < agenda[1].slot.startsAt).toBe(true);
    const slotStarts = new Set(created.slots.map((slot) => slot.startsAt));
    expect(agenda.every((item) => slotStarts.has(item.slot.startsAt))).toBe(true);
    // Hanoi Cloud speaks only Vietnamese: both its meetings are at interpreter tables.
    expect(agenda.every((item) => item.table.interpreter && /^T\d\d$/.test(item.table.label))).toBe(true);
  });
});
