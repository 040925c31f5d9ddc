import { MigrationInterface, QueryRunner } from "typeorm";

/** The forum day: each registration's check-in code and time, each meeting's attendance. */
export class ForumDay1795702638896 implements MigrationInterface {
    name = 'ForumDay1795702638896'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE FUNCTION new_check_in_code() RETURNS varchar LANGUAGE sql VOLATILE AS $$ SELECT upper(substr(md5(random()::text || clock_timestamp()::text), 1, 8))::varchar $$`);
        // Every existing registration gets its own code (a volatile default is computed row by row).
        await queryRunner.query(`ALTER TABLE "registration" ADD "check_in_code" character varying(12) NOT NULL DEFAULT new_check_in_code()`);
        await queryRunner.query(`ALTER TABLE "registration" ADD "checked_in_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "attendance" character varying(16)`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "absent_company_id" uuid`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "attendance_marked_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE UNIQUE INDEX "registration_check_in_code_unique" ON "registration"  ("check_in_code") `);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "meeting_attendance_check" CHECK ("attendance" IS NULL OR "attendance" IN ('HELD', 'NO_SHOW'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "meeting_attendance_check"`);
        await queryRunner.query(`DROP INDEX "public"."registration_check_in_code_unique"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "attendance_marked_at"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "absent_company_id"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "attendance"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "checked_in_at"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "check_in_code"`);
        await queryRunner.query(`DROP FUNCTION new_check_in_code()`);
    }

}
