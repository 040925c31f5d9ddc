import { MigrationInterface, QueryRunner } from "typeorm";

/** The notification outbox, organisers' own templates, password reset links, and the categories each account mutes. */
export class Notifications1795700923795 implements MigrationInterface {
    name = 'Notifications1795700923795'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "language" character varying(2) NOT NULL, "kind" character varying(32) NOT NULL, "category" character varying(16) NOT NULL, "forum_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "batch_key" character varying(200), "dedupe_key" character varying(300), "send_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(16) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "channel" character varying(16), "merged_into" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_status_check" CHECK ("status" IN ('PENDING', 'QUEUED', 'SENDING', 'SENT', 'FAILED', 'MERGED')), CONSTRAINT "notification_category_check" CHECK ("category" IN ('REQUESTS', 'REGISTRATION', 'AGENDA', 'SECURITY')), CONSTRAINT "notification_kind_check" CHECK ("kind" IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_WITHDRAWN', 'REGISTRATION_APPROVED', 'REGISTRATION_REJECTED', 'SCHEDULE_PUBLISHED', 'AGENDA_CHANGED', 'REMINDER', 'PASSWORD_RESET')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "notification_dedupe_key_unique" ON "notification"  ("dedupe_key") `);
        await queryRunner.query(`CREATE INDEX "notification_batch_index" ON "notification"  ("batch_key", "status") `);
        await queryRunner.query(`CREATE INDEX "notification_forum_index" ON "notification"  ("forum_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "notification_due_index" ON "notification"  ("status", "send_after") `);
        await queryRunner.query(`CREATE TABLE "notification_template" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "language" character varying(2) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_template_forum_kind_language_unique" UNIQUE ("forum_id", "kind", "language"), CONSTRAINT "PK_d2a6ef77141a01b8ac31f514cfc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "password_reset" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8515e60a2cc41584fa4784f52ce" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "password_reset_token_hash_unique" ON "password_reset"  ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "user_account" ADD "muted_notifications" character varying(16) array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_dac81a30b3a73e216ecaf00afc6" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification_template" ADD CONSTRAINT "FK_54a38a6d92dc55e361f7fb13232" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "password_reset" ADD CONSTRAINT "FK_ad88301fdc79593dd222268a8b6" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "FK_ad88301fdc79593dd222268a8b6"`);
        await queryRunner.query(`ALTER TABLE "notification_template" DROP CONSTRAINT "FK_54a38a6d92dc55e361f7fb13232"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_dac81a30b3a73e216ecaf00afc6"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "muted_notifications"`);
        await queryRunner.query(`DROP INDEX "public"."password_reset_token_hash_unique"`);
        await queryRunner.query(`DROP TABLE "password_reset"`);
        await queryRunner.query(`DROP TABLE "notification_template"`);
        await queryRunner.query(`DROP INDEX "public"."notification_due_index"`);
        await queryRunner.query(`DROP INDEX "public"."notification_forum_index"`);
        await queryRunner.query(`DROP INDEX "public"."notification_batch_index"`);
        await queryRunner.query(`DROP INDEX "public"."notification_dedupe_key_unique"`);
        await queryRunner.query(`DROP TABLE "notification"`);
    }

}
