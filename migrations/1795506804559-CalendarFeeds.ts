import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarFeeds1795506804559 implements MigrationInterface {
    name = 'CalendarFeeds1795506804559'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "token_hash" character varying(64) NOT NULL, "forum_id" uuid NOT NULL, "company_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "calendar_feed_token_hash_unique" ON "calendar_feed"  ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_7a9f4eb05b231807b8531c63809" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_916972d4148ae0592a09ff0cc1f" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"`);
        await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_916972d4148ae0592a09ff0cc1f"`);
        await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_7a9f4eb05b231807b8531c63809"`);
        await queryRunner.query(`DROP INDEX "public"."calendar_feed_token_hash_unique"`);
        await queryRunner.query(`DROP TABLE "calendar_feed"`);
    }

}
