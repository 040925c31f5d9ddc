import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stamps that change with anything a company's agenda shows, kept by
 * triggers so that no write path can forget:
 *   - `agenda_stamp`, per forum: its published schedule, slots, tables,
 *     registrations, delegates, and the companies registered or meeting in it
 *     (what many agendas show);
 *   - `company_agenda_stamp`, per forum and company: the published meetings of
 *     that company (a move, a new or cancelled meeting, attendance), which show
 *     in the agendas of the meeting's two companies only.
 *
 * API processes keep each company's agenda with the two stamps it was read at
 * and reuse it only while both are still the current ones, read in the same
 * statement as anything else they answer (apps/api/src/agendas/agenda.query.ts).
 * Stamps come from one sequence, so a stamp never comes back.
 *
 * How: each statement that changes such rows notes the forums (and companies)
 * it touched in `agenda_dirty`, a plain insert that waits for nobody; at
 * commit, a deferred trigger gives them new stamps, forums then companies,
 * each in id order, and clears the notes. Stamps are locked only while
 * committing and always in that order, so writers never deadlock over them.
 */
export class AgendaStamps1795800000000 implements MigrationInterface {
  name = 'AgendaStamps1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "agenda_stamp_seq"`);
    await queryRunner.query(
      `CREATE TABLE "agenda_stamp" ("forum_id" uuid NOT NULL, "stamp" bigint NOT NULL, CONSTRAINT "agenda_stamp_pkey" PRIMARY KEY ("forum_id"),
         CONSTRAINT "agenda_stamp_forum_fk" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE TABLE "company_agenda_stamp" ("forum_id" uuid NOT NULL, "company_id" uuid NOT NULL, "stamp" bigint NOT NULL,
         CONSTRAINT "company_agenda_stamp_pkey" PRIMARY KEY ("forum_id", "company_id"),
         CONSTRAINT "company_agenda_stamp_forum_fk" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE,
         CONSTRAINT "company_agenda_stamp_company_fk" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE)`,
    );
    // company_id null: the whole forum.
    await queryRunner.query(`CREATE TABLE "agenda_dirty" ("transaction_id" bigint NOT NULL DEFAULT txid_current(), "forum_id" uuid NOT NULL, "company_id" uuid)`);
    await queryRunner.query(`CREATE INDEX "agenda_dirty_transaction_idx" ON "agenda_dirty" ("transaction_id")`);
    // New stamps for the forums given (those that still exist), in forum order.
    await queryRunner.query(`CREATE FUNCTION "bump_agenda_stamps"(forums uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO agenda_stamp (forum_id, stamp)
      SELECT f.id, nextval('agenda_stamp_seq') FROM (SELECT id FROM forum WHERE id = ANY(forums) ORDER BY id) f
      ON CONFLICT (forum_id) DO UPDATE SET stamp = EXCLUDED.stamp
    $$`);
    // At commit: this transaction's notes, all at once (later calls in the same commit find none left).
    // A company's stamp needs no move where its whole forum's moves.
    await queryRunner.query(`CREATE FUNCTION "agenda_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          forums uuid[];
          companies uuid[];
          whole uuid[];
        BEGIN
          WITH noted AS (DELETE FROM agenda_dirty WHERE transaction_id = txid_current() RETURNING forum_id, company_id)
          SELECT array_agg(forum_id), array_agg(company_id) INTO forums, companies FROM noted;
          IF forums IS NULL THEN
            RETURN NULL;
          END IF;
          whole := ARRAY(SELECT DISTINCT f FROM unnest(forums, companies) AS n(f, c) WHERE c IS NULL);
          PERFORM bump_agenda_stamps(whole);
          INSERT INTO company_agenda_stamp (forum_id, company_id, stamp)
          SELECT p.f, p.c, nextval('agenda_stamp_seq') FROM (
            SELECT DISTINCT n.f, n.c FROM unnest(forums, companies) AS n(f, c)
            WHERE n.c IS NOT NULL AND n.f <> ALL(whole) AND EXISTS (SELECT 1 FROM forum WHERE id = n.f) AND EXISTS (SELECT 1 FROM company WHERE id = n.c)
            ORDER BY n.f, n.c) p
          ON CONFLICT (forum_id, company_id) DO UPDATE SET stamp = EXCLUDED.stamp;
          RETURN NULL;
        END $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "agenda_commit" AFTER INSERT ON "agenda_dirty" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "agenda_commit"()`,
    );
    for (const [table, noted] of Object.entries(NOTED)) {
      await queryRunner.query(`CREATE FUNCTION "agenda_changed_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            INSERT INTO agenda_dirty (forum_id) SELECT id FROM forum;
          ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO agenda_dirty (forum_id, company_id) ${noted('changed')} UNION ${noted('changed_before')};
          ELSE
            INSERT INTO agenda_dirty (forum_id, company_id) ${noted('changed')};
          END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER "agenda_changed_${table}_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "agenda_changed_${table}"()`);
      await queryRunner.query(
        `CREATE TRIGGER "agenda_changed_${table}_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "agenda_changed_${table}"()`,
      );
      await queryRunner.query(`CREATE TRIGGER "agenda_changed_${table}_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "agenda_changed_${table}"()`);
      await queryRunner.query(`CREATE TRIGGER "agenda_changed_${table}_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "agenda_changed_${table}"()`);
    }
    await queryRunner.query(`SELECT bump_agenda_stamps(ARRAY(SELECT id FROM forum))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(NOTED).reverse()) {
      for (const op of ['truncate', 'delete', 'update', 'insert']) await queryRunner.query(`DROP TRIGGER "agenda_changed_${table}_${op}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "agenda_changed_${table}"()`);
    }
    await queryRunner.query(`DROP TRIGGER "agenda_commit" ON "agenda_dirty"`);
    await queryRunner.query(`DROP FUNCTION "agenda_commit"()`);
    await queryRunner.query(`DROP FUNCTION "bump_agenda_stamps"(uuid[])`);
    await queryRunner.query(`DROP TABLE "agenda_dirty"`);
    await queryRunner.query(`DROP TABLE "company_agenda_stamp"`);
    await queryRunner.query(`DROP TABLE "agenda_stamp"`);
    await queryRunner.query(`DROP SEQUENCE "agenda_stamp_seq"`);
  }
}

/**
 * Per table an agenda reads: what the rows of a transition table change, as
 * (forum, company) pairs, company null for every agenda of the forum.
 */
const NOTED: Record<string, (rows: string) => string> = {
  // Publishing (the new row is published) and withdrawing (the old one was); drafts change no agenda.
  schedule: (rows) => `SELECT forum_id, NULL::uuid FROM ${rows} WHERE status = 'PUBLISHED'`,
  slot: (rows) => `SELECT forum_id, NULL::uuid FROM ${rows}`,
  forum_table: (rows) => `SELECT forum_id, NULL::uuid FROM ${rows}`,
  registration: (rows) => `SELECT forum_id, NULL::uuid FROM ${rows}`,
  delegate: (rows) => `SELECT r.forum_id, NULL::uuid FROM registration r WHERE r.id IN (SELECT registration_id FROM ${rows})`,
  // A company shows in the agendas of the forums it is registered in, and of those where it meets (registered or not).
  company: (rows) =>
    `SELECT r.forum_id, NULL::uuid FROM registration r WHERE r.company_id IN (SELECT id FROM ${rows})
     UNION SELECT s.forum_id, NULL::uuid FROM meeting_participant mp JOIN schedule s ON s.id = mp.schedule_id AND s.status = 'PUBLISHED' WHERE mp.company_id IN (SELECT id FROM ${rows})`,
  // A meeting of the published schedule shows in its two companies' agendas only; a draft's, in none.
  meeting: (rows) =>
    `SELECT s.forum_id, m.company_id FROM (SELECT schedule_id, company_a_id AS company_id FROM ${rows} UNION SELECT schedule_id, company_b_id FROM ${rows}) m
     JOIN schedule s ON s.id = m.schedule_id AND s.status = 'PUBLISHED'`,
  meeting_participant: (rows) => `SELECT DISTINCT s.forum_id, p.company_id FROM ${rows} p JOIN schedule s ON s.id = p.schedule_id AND s.status = 'PUBLISHED'`,
};
