import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stamp per forum that changes with anything a company's agenda shows: its
 * published schedule, that schedule's meetings and participants, slots,
 * tables, registrations, delegates, and the companies registered or meeting
 * in it. Triggers keep it, so no write path can forget.
 *
 * API processes keep agendas read at a stamp and reuse them only while the
 * forum's current stamp, read in the same statement as anything else they
 * answer, is still that one (apps/api/src/agendas/agenda.query.ts). Stamps
 * come from one sequence, so a forum never has the same stamp twice.
 *
 * How: each statement that changes such rows notes the forums it touched in
 * `agenda_dirty` (a plain insert: it waits for nobody); at commit, a deferred
 * trigger gives those forums new stamps, in forum order, and clears the notes.
 * Bumping at commit holds a forum's stamp row only while committing, so two
 * transactions changing one forum never deadlock over it.
 */
export class AgendaStamps1795800000000 implements MigrationInterface {
  name = 'AgendaStamps1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "agenda_stamp_seq"`);
    await queryRunner.query(
      `CREATE TABLE "agenda_stamp" ("forum_id" uuid NOT NULL, "stamp" bigint NOT NULL, CONSTRAINT "agenda_stamp_pkey" PRIMARY KEY ("forum_id"),
         CONSTRAINT "agenda_stamp_forum_fk" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE TABLE "agenda_dirty" ("transaction_id" bigint NOT NULL DEFAULT txid_current(), "forum_id" uuid NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "agenda_dirty_transaction_idx" ON "agenda_dirty" ("transaction_id")`);
    // New stamps for the forums given (those that still exist), in forum order so that concurrent commits lock alike.
    await queryRunner.query(`CREATE FUNCTION "bump_agenda_stamps"(forums uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO agenda_stamp (forum_id, stamp)
      SELECT f.id, nextval('agenda_stamp_seq') FROM (SELECT id FROM forum WHERE id = ANY(forums) ORDER BY id) f
      ON CONFLICT (forum_id) DO UPDATE SET stamp = EXCLUDED.stamp
    $$`);
    // At commit: this transaction's notes, all at once (later calls in the same commit find none left).
    await queryRunner.query(`CREATE FUNCTION "agenda_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          forums uuid[];
        BEGIN
          WITH noted AS (DELETE FROM agenda_dirty WHERE transaction_id = txid_current() RETURNING forum_id) SELECT array_agg(DISTINCT forum_id) INTO forums FROM noted;
          IF forums IS NOT NULL THEN
            PERFORM bump_agenda_stamps(forums);
          END IF;
          RETURN NULL;
        END $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "agenda_commit" AFTER INSERT ON "agenda_dirty" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "agenda_commit"()`,
    );
    for (const [table, forums] of Object.entries(FORUMS_OF)) {
      await queryRunner.query(`CREATE FUNCTION "agenda_changed_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            INSERT INTO agenda_dirty (forum_id) SELECT id FROM forum;
          ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO agenda_dirty (forum_id) ${forums('changed')} UNION ${forums('changed_before')};
          ELSE
            INSERT INTO agenda_dirty (forum_id) ${forums('changed')};
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
    for (const table of Object.keys(FORUMS_OF).reverse()) {
      for (const op of ['truncate', 'delete', 'update', 'insert']) await queryRunner.query(`DROP TRIGGER "agenda_changed_${table}_${op}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "agenda_changed_${table}"()`);
    }
    await queryRunner.query(`DROP TRIGGER "agenda_commit" ON "agenda_dirty"`);
    await queryRunner.query(`DROP FUNCTION "agenda_commit"()`);
    await queryRunner.query(`DROP FUNCTION "bump_agenda_stamps"(uuid[])`);
    await queryRunner.query(`DROP TABLE "agenda_dirty"`);
    await queryRunner.query(`DROP TABLE "agenda_stamp"`);
    await queryRunner.query(`DROP SEQUENCE "agenda_stamp_seq"`);
  }
}

/** Per table an agenda reads: the forums whose agendas the rows of a transition table can change. */
const FORUMS_OF: Record<string, (rows: string) => string> = {
  // Publishing (the new row is published) and withdrawing (the old one was); drafts change no agenda.
  schedule: (rows) => `SELECT forum_id FROM ${rows} WHERE status = 'PUBLISHED'`,
  slot: (rows) => `SELECT forum_id FROM ${rows}`,
  forum_table: (rows) => `SELECT forum_id FROM ${rows}`,
  registration: (rows) => `SELECT forum_id FROM ${rows}`,
  // Agendas show the published schedule only: a draft's meetings change no agenda.
  meeting: (rows) => `SELECT s.forum_id FROM schedule s WHERE s.status = 'PUBLISHED' AND s.id IN (SELECT schedule_id FROM ${rows})`,
  meeting_participant: (rows) => `SELECT s.forum_id FROM schedule s WHERE s.status = 'PUBLISHED' AND s.id IN (SELECT schedule_id FROM ${rows})`,
  delegate: (rows) => `SELECT r.forum_id FROM registration r WHERE r.id IN (SELECT registration_id FROM ${rows})`,
  // A company shows in the agendas of the forums it is registered in, and of those where it meets (registered or not).
  company: (rows) =>
    `SELECT r.forum_id FROM registration r WHERE r.company_id IN (SELECT id FROM ${rows})
     UNION SELECT s.forum_id FROM meeting_participant mp JOIN schedule s ON s.id = mp.schedule_id AND s.status = 'PUBLISHED' WHERE mp.company_id IN (SELECT id FROM ${rows})`,
};
