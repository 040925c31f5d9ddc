import { MigrationInterface, QueryRunner } from "typeorm";

export class LanguagesSessionsSequences1795677564479 implements MigrationInterface {
    name = 'LanguagesSessionsSequences1795677564479'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user_account" ADD "preferred_language" character varying(2)`);
        await queryRunner.query(`ALTER TABLE "user_account" ADD "token_version" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "sequence" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_preferred_language_check" CHECK ("preferred_language" IS NULL OR "preferred_language" IN ('en', 'ko', 'vi'))`);
        await queryRunner.query(`CREATE INDEX "meeting_participant_company_idx" ON "meeting_participant" ("company_id", "schedule_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."meeting_participant_company_idx"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_preferred_language_check"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "sequence"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "token_version"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "preferred_language"`);
    }

}
