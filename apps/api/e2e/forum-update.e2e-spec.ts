import { DataSource } from 'typeorm';
import { createForumFixture, databaseFingerprint, ForumFixture } from './support/forum-fixture';
import { codeOf, gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

type ForumShape = {
  name: string;
  venue: string | null;
  breakMinutes: number;
  slotMinutes: number;
  slots: { id: string; startsAt: string; endsAt: string }[];
  tables: { id: string; label: string; interpreter: boolean }[];
};
const FORUM = 'query ($id: ID!) { forum(id: $id) { name venue breakMinutes slotMinutes slots { id startsAt endsAt } tables { id label interpreter } } }';
const UPDATE = 'mutation ($id: ID!, $in: UpdateForumInput!) { updateForum(id: $id, input: $in) { id } }';
const MY_REGISTRATION = 'query ($f: ID!) { myRegistration(forumId: $f) { unavailableSlotIds } }';

/** updateForum changes only what it is given, keeps what it can, and never loses a draft schedule's meetings. */
describe('updateForum', () => {
  let api: TestApi;
  let f: ForumFixture;
  let forumId: string;

  beforeAll(async () => {
    api = await startTestApi();
    f = await createForumFixture(api.app);
    forumId = f.forumId;
    // A changeover of 10 minutes, to see that it survives other updates: 09:00, 09:40, 10:20 (three 30-minute slots).
    ok(await gql(api.app, UPDATE, { id: forumId, in: { breakMinutes: 10 } }, f.organizer));
    const slots = (await forumOf()).slots;
    // vn1 is away in the second slot (no mutation changes a registration yet: written as registerForForum would).
    await api.app.get(DataSource).query(
      'INSERT INTO registration_unavailable_slot (registration_id, slot_id) SELECT id, $3 FROM registration WHERE forum_id = $1 AND company_id = $2',
      [forumId, f.ids.vn1, slots[1].id],
    );
  });

  afterAll(() => api.close());

  const forumOf = async () => ok(await gql<{ forum: ForumShape }>(api.app, FORUM, { id: forumId }, f.organizer)).forum;
  const unavailableOf = async () => ok(await gql<{ myRegistration: { unavailableSlotIds: string[] } }>(api.app, MY_REGISTRATION, { f: forumId }, f.vn1)).myRegistration.unavailableSlotIds;

  it('changes only the given field: the changeover, interpreter tables, slot ids and unavailability stay', async () => {
    const before = await forumOf();
    const unavailable = await unavailableOf();
    expect(before.breakMinutes).toBe(10);
    expect(unavailable).toHaveLength(1);
    ok(await gql(api.app, UPDATE, { id: forumId, in: { venue: 'Hall B' } }, f.organizer));
    const after = await forumOf();
    expect(after).toEqual({ ...before, venue: 'Hall B' });
    expect(await unavailableOf()).toEqual(unavailable);
  });

  it('keeps the slots whose times stay when a session grows, and the tables by number when tables are added', async () => {
    const before = await forumOf();
    ok(
      await gql(
        api.app,
        UPDATE,
        { id: forumId, in: { sessions: [{ startsAt: '2024-06-10T09:00:00+07:00', endsAt: '2024-06-10T12:00:00+07:00' }], tableCount: 6 } },
        f.organizer,
      ),
    );
    const after = await forumOf();
    expect(after.slots.slice(0, before.slots.length)).toEqual(before.slots);
    expect(after.slots).toHaveLength(before.slots.length + 1);
    expect(after.tables.slice(0, 4)).toEqual(before.tables);
    expect(after.tables.map((table) => [table.label, table.interpreter])).toEqual([['T01', true], ['T02', true], ['T03', false], ['T04', false], ['T05', false], ['T06', false]]);
  });

  it('moves unavailability to the new slots that overlap it when the slot length changes', async () => {
    const [unavailableId] = await unavailableOf();
    const old = (await forumOf()).slots.find((slot) => slot.id === unavailableId)!;
    ok(await gql(api.app, UPDATE, { id: forumId, in: { slotMinutes: 20, breakMinutes: 0 } }, f.organizer));
    const after = await forumOf();
    const overlapping = after.slots.filter((slot) => slot.startsAt < old.endsAt && old.startsAt < slot.endsAt).map((slot) => slot.id);
    expect(overlapping.length).toBeGreaterThan(0);
    expect((await unavailableOf()).sort()).toEqual(overlapping.sort());
  });

  it("refuses, with CONFLICT and nothing changed, a change that would take slots or tables from a draft schedule's meetings", async () => {
    ok(await gql(api.app, 'mutation ($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', { id: f.requestId }, f.kr1));
    ok(await gql(api.app, 'mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: forumId }, f.organizer));
    const run = ok(await gql<{ generateSchedule: { id: string } }>(api.app, 'mutation ($f: ID!) { generateSchedule(forumId: $f) { id } }', { f: forumId }, f.organizer)).generateSchedule.id;
    for (;;) {
      const { scheduleRun } = ok(await gql<{ scheduleRun: { status: string } }>(api.app, 'query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: run }, f.organizer));
      if (scheduleRun.status === 'SUCCEEDED') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const before = await databaseFingerprint(api.app);
    const fewer = await gql(api.app, UPDATE, { id: forumId, in: { sessions: [{ startsAt: '2024-06-10T13:00:00+07:00', endsAt: '2024-06-10T15:00:00+07:00' }] } }, f.organizer);
    expect(codeOf(fewer)).toBe('CONFLICT');
    expect(fewer.errors![0].message).toMatch(/meeting\(s\) of a draft schedule/);
    expect(codeOf(await gql(api.app, UPDATE, { id: forumId, in: { tableCount: 1, interpreterTableCount: 1 } }, f.organizer))).toBe('CONFLICT');
    expect(await databaseFingerprint(api.app)).toEqual(before);
    // A change that leaves the meetings where they are still works.
    ok(await gql(api.app, UPDATE, { id: forumId, in: { name: 'Renamed forum' } }, f.organizer));
    expect((await forumOf()).name).toBe('Renamed forum');
  });
});
