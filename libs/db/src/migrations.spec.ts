import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './testing';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';

describe('migrations on a real PostgreSQL', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('creates the schema on an empty database, and a second run applies nothing', async () => {
    const first = await runMigrations({ url: database.url });
    expect(first).toEqual(['CreateForum1795502683012', 'AccountsForumsRequests1795505318354', 'SchedulingRuns1795506074019', 'CalendarFeeds1795506804559', 'LanguagesSessionsSequences1795677564479', 'AdminRole1795680000000', 'RegistrationApproval1795690000000', 'Notifications1795700923795', 'ForumDay1795702638896', 'ForumDayRefillOutcomes1795706956729', 'AgendaStamps1795800000000']);
    expect(await runMigrations({ url: database.url })).toEqual([]);

    const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['forum', 'migrations', 'company', 'user_account', 'slot', 'forum_table', 'registration', 'delegate', 'meeting_request']),
    );
  });

  it('leaves nothing for the entities to change: migrations and entities agree', async () => {
    const dataSource = new DataSource({ ...dataSourceOptions({ url: database.url }), poolSize: 1 });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('makes the database refuse a forum with an unknown status or a zero slot length', async () => {
    const organizer = await client.query(
      `INSERT INTO user_account (email, password_hash, name, role) VALUES ('o@example.com', 'x', 'O', 'ORGANIZER') RETURNING id`,
    );
    const insert = (status: string, slotMinutes: number) =>
      client.query(
        `INSERT INTO forum (organizer_id, name, time_zone, status, slot_minutes, max_meetings_per_company) VALUES ($1, 'F', 'UTC', $2, $3, 8)`,
        [organizer.rows[0].id, status, slotMinutes],
      );
    await expect(insert('OPEN', 30)).resolves.toBeDefined();
    await expect(insert('PUBLISHED', 30)).rejects.toThrow(/forum_status_check/);
    await expect(insert('OPEN', 0)).rejects.toThrow(/forum_slot_minutes_check/);
  });

  it('reverts every migration and applies them again', async () => {
    const dataSource = new DataSource({ ...dataSourceOptions({ url: database.url }), poolSize: 1 });
    await dataSource.initialize();
    try {
      while ((await dataSource.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 0) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const forum = await dataSource.query(`SELECT to_regclass('public.forum') AS t`);
      expect(forum[0].t).toBeNull();
    } finally {
      await dataSource.destroy();
    }
    expect(await runMigrations({ url: database.url })).toContain('CreateForum1795502683012');
  });
});
