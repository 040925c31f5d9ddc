import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../../src/auth/auth.service';
import { codeOf, gql, ok } from './graphql';

export interface ForumFixture {
  forumId: string;
  draftForumId: string;
  slotIds: string[];
  organizer: string;
  otherOrganizer: string;
  /** Company tokens and ids: two Vietnamese, two Korean. */
  vn1: string;
  vn2: string;
  kr1: string;
  kr2: string;
  ids: { vn1: string; vn2: string; kr1: string; kr2: string };
  /** A delegate (read-only) account of vn1. */
  delegate: string;
  /** A PENDING request vn1 → kr1. */
  requestId: string;
}

const COMPANIES = {
  vn1: { name: 'VinaTech Software', country: 'VN', sectors: ['SOFTWARE'], offers: ['offshore development'], seeks: ['AI partners'], languages: ['vi', 'en'] },
  vn2: { name: 'Hanoi Cloud', country: 'VN', sectors: ['CLOUD'], offers: ['cloud hosting'], seeks: ['chips'], languages: ['vi'] },
  kr1: { name: 'Seoul AI Labs', country: 'KR', sectors: ['AI'], offers: ['AI partners'], seeks: ['offshore development'], languages: ['ko', 'en'] },
  kr2: { name: 'Busan Chips', country: 'KR', sectors: ['SEMICONDUCTORS'], offers: ['chips'], seeks: ['assembly'], languages: ['ko'] },
};

/**
 * An OPEN KR–VN forum with four registered companies, a delegate account, a
 * pending request, and a second (DRAFT) forum; accounts are made through the
 * services (sign-up and login are throttled over HTTP).
 */
export async function createForumFixture(app: INestApplication): Promise<ForumFixture> {
  const auth = app.get(AuthService);
  await auth.createOrganizer('owner@example.com', 'owner-password', 'Owner');
  await auth.createOrganizer('other@example.com', 'other-password', 'Other organizer');
  const organizer = (await auth.login('owner@example.com', 'owner-password')).accessToken;
  const otherOrganizer = (await auth.login('other@example.com', 'other-password')).accessToken;

  const forumInput = {
    name: 'Korea–Vietnam ICT Forum Hanoi',
    timeZone: 'Asia/Ho_Chi_Minh',
    sides: ['KR', 'VN'],
    slotMinutes: 30,
    breakMinutes: 0,
    maxMeetingsPerCompany: 2,
    sessions: [{ startsAt: '2024-06-10T09:00:00+07:00', endsAt: '2024-06-10T11:00:00+07:00' }],
    tableCount: 4,
    interpreterTableCount: 2,
  };
  const createForum = 'mutation ($in: CreateForumInput!) { createForum(input: $in) { id slots { id } } }';
  const forum = ok(await gql<{ createForum: { id: string; slots: { id: string }[] } }>(app, createForum, { in: forumInput }, organizer)).createForum;
  const draft = ok(await gql<{ createForum: { id: string } }>(app, createForum, { in: { ...forumInput, name: 'Draft forum' } }, organizer)).createForum;
  ok(await gql(app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: OPEN) { id } }', { id: forum.id }, organizer));

  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const [key, company] of Object.entries(COMPANIES)) {
    const session = await auth.signUp({ email: `${key}@example.com`, password: 'company-password', name: key, company });
    tokens[key] = session.accessToken;
    ids[key] = session.user.companyId as string;
    ok(
      await gql(
        app,
        'mutation ($forumId: ID!, $in: RegistrationInput!) { registerForForum(forumId: $forumId, input: $in) { id } }',
        { forumId: forum.id, in: { side: company.country, unavailableSlotIds: [], delegates: [{ name: `${key} delegate`, email: `delegate.${key}@example.com` }] } },
        tokens[key],
      ),
    );
  }
  await auth.createDelegateAccount(
    { userId: 'unused', role: 'COMPANY', companyId: ids.vn1 },
    { email: 'delegate@vinatech.vn', password: 'delegate-password', name: 'Delegate' },
  );
  const delegate = (await auth.login('delegate@vinatech.vn', 'delegate-password')).accessToken;
  const request = ok(
    await gql<{ requestMeeting: { id: string } }>(
      app,
      'mutation ($in: RequestMeetingInput!) { requestMeeting(input: $in) { id } }',
      { in: { forumId: forum.id, toCompanyId: ids.kr1, priority: 3 } },
      tokens.vn1,
    ),
  ).requestMeeting;
  // Sanity: the fixture's delegate really is read-only.
  if (codeOf(await gql(app, 'mutation ($in: CompanyInput!) { updateCompany(input: $in) { id } }', { in: COMPANIES.vn1 }, delegate)) !== 'FORBIDDEN') {
    throw new Error('delegate should not update the company');
  }
  return {
    forumId: forum.id,
    draftForumId: draft.id,
    slotIds: forum.slots.map((slot) => slot.id),
    organizer,
    otherOrganizer,
    vn1: tokens.vn1,
    vn2: tokens.vn2,
    kr1: tokens.kr1,
    kr2: tokens.kr2,
    ids: ids as ForumFixture['ids'],
    delegate,
    requestId: request.id,
  };
}

const TABLES = ['company', 'user_account', 'forum', 'forum_session', 'slot', 'forum_table', 'registration', 'registration_unavailable_slot', 'delegate', 'meeting_request'];

/** A fingerprint of every row of every domain table: equal before and after means nothing changed. */
export async function databaseFingerprint(app: INestApplication): Promise<Record<string, string>> {
  const dataSource = app.get(DataSource);
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${table}" t`);
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}
