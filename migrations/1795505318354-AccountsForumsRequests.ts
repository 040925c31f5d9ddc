import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountsForumsRequests1795505318354 implements MigrationInterface {
    name = 'AccountsForumsRequests1795505318354'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "company" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "country" character varying(2) NOT NULL, "city" character varying(100), "sectors" character varying(60) array NOT NULL DEFAULT '{}', "offers" character varying(200) array NOT NULL DEFAULT '{}', "seeks" character varying(200) array NOT NULL DEFAULT '{}', "languages" character varying(10) array NOT NULL DEFAULT '{}', "website" character varying(300), "description" character varying(5000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "email" character varying(254) NOT NULL, "password_hash" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "company_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_56a0e4bcec2b5411beafa47ffa5" UNIQUE ("email"), CONSTRAINT "user_account_company_check" CHECK (("role" = 'ORGANIZER') = ("company_id" IS NULL)), CONSTRAINT "user_account_email_lower_check" CHECK ("email" = lower("email")), CONSTRAINT "user_account_role_check" CHECK ("role" IN ('ORGANIZER', 'COMPANY', 'DELEGATE')), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "forum_session" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "forum_session_times_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_baaec0594ff0e7f4c0ad2efd121" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "forum_session_forum_idx" ON "forum_session"  ("forum_id") `);
        await queryRunner.query(`CREATE TABLE "slot" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "session_id" uuid NOT NULL, "position" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "slot_forum_position_unique" UNIQUE ("forum_id", "position"), CONSTRAINT "slot_times_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_5b1f733c4ba831a51f3c114607b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "company_id" uuid NOT NULL, "side" character varying(2), "max_meetings" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "registration_forum_company_unique" UNIQUE ("forum_id", "company_id"), CONSTRAINT "registration_max_meetings_check" CHECK ("max_meetings" IS NULL OR "max_meetings" > 0), CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "delegate" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "registration_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "title" character varying(200), "languages" character varying(10) array NOT NULL DEFAULT '{}', CONSTRAINT "PK_810516365b3daa9f6d6d2d4f2b7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "delegate_registration_idx" ON "delegate"  ("registration_id") `);
        await queryRunner.query(`CREATE TABLE "forum_table" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "number" integer NOT NULL, "label" character varying(20) NOT NULL, "interpreter" boolean NOT NULL DEFAULT false, CONSTRAINT "forum_table_label_unique" UNIQUE ("forum_id", "label"), CONSTRAINT "forum_table_number_unique" UNIQUE ("forum_id", "number"), CONSTRAINT "PK_cce730de15f5153e8aa4c45d651" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "meeting_request" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "from_company_id" uuid NOT NULL, "to_company_id" uuid NOT NULL, "priority" smallint NOT NULL, "message" character varying(1000), "status" character varying(16) NOT NULL DEFAULT 'PENDING', "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_request_not_self_check" CHECK ("from_company_id" <> "to_company_id"), CONSTRAINT "meeting_request_status_check" CHECK ("status" IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')), CONSTRAINT "meeting_request_priority_check" CHECK ("priority" BETWEEN 1 AND 5), CONSTRAINT "PK_3f62245c08dea30d2df7d15bcd4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_request_to_idx" ON "meeting_request"  ("forum_id", "to_company_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "meeting_request_open_pair_unique" ON "meeting_request"  ("forum_id", "from_company_id", "to_company_id") WHERE "status" IN ('PENDING', 'ACCEPTED')`);
        await queryRunner.query(`CREATE TABLE "registration_unavailable_slot" ("registration_id" uuid NOT NULL, "slot_id" uuid NOT NULL, CONSTRAINT "PK_542d544aebcd0811a6488768843" PRIMARY KEY ("registration_id", "slot_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8610dc84fae6f53084681c39bd" ON "registration_unavailable_slot"  ("registration_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_72f8093702266476f75c570753" ON "registration_unavailable_slot"  ("slot_id") `);
        // Reviewed: no forum can exist without an organiser before this migration (no API created one).
        await queryRunner.query(`ALTER TABLE "forum" ADD "organizer_id" uuid NOT NULL`);
        await queryRunner.query(`ALTER TABLE "forum" ADD "side_must_match_country" boolean NOT NULL DEFAULT true`);
        await queryRunner.query(`CREATE INDEX "forum_organizer_idx" ON "forum"  ("organizer_id") `);
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "FK_b2f82a5d38cb83d8b992ae7748f" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "forum" ADD CONSTRAINT "FK_db2586b2458724a206c368a854d" FOREIGN KEY ("organizer_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "forum_session" ADD CONSTRAINT "FK_1563b802a78b6cd51f672dac1a4" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "slot" ADD CONSTRAINT "FK_e6fdbec8003d063afd8dbaf9abd" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "slot" ADD CONSTRAINT "FK_a5bb757de0fb452d52d10705efe" FOREIGN KEY ("session_id") REFERENCES "forum_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "registration" ADD CONSTRAINT "FK_bdadbc0439bb0a38e816f020e20" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "registration" ADD CONSTRAINT "FK_8bd9b8d1d3cdb2398a8f09a305d" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "delegate" ADD CONSTRAINT "FK_d19479fab4a8a9dfc28f242f294" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "forum_table" ADD CONSTRAINT "FK_f8429c5a4f3fea935a34e8b8aa6" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_444eced1d99e841583e26dda1d3" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_29f074741cfdc621077d924a95b" FOREIGN KEY ("from_company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_request" ADD CONSTRAINT "FK_ddd2ab780c0618c23af9f523c6e" FOREIGN KEY ("to_company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "registration_unavailable_slot" ADD CONSTRAINT "FK_8610dc84fae6f53084681c39bd8" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "registration_unavailable_slot" ADD CONSTRAINT "FK_72f8093702266476f75c5707533" FOREIGN KEY ("slot_id") REFERENCES "slot"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "registration_unavailable_slot" DROP CONSTRAINT "FK_72f8093702266476f75c5707533"`);
        await queryRunner.query(`ALTER TABLE "registration_unavailable_slot" DROP CONSTRAINT "FK_8610dc84fae6f53084681c39bd8"`);
        await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_ddd2ab780c0618c23af9f523c6e"`);
        await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_29f074741cfdc621077d924a95b"`);
        await queryRunner.query(`ALTER TABLE "meeting_request" DROP CONSTRAINT "FK_444eced1d99e841583e26dda1d3"`);
        await queryRunner.query(`ALTER TABLE "forum_table" DROP CONSTRAINT "FK_f8429c5a4f3fea935a34e8b8aa6"`);
        await queryRunner.query(`ALTER TABLE "delegate" DROP CONSTRAINT "FK_d19479fab4a8a9dfc28f242f294"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_8bd9b8d1d3cdb2398a8f09a305d"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_bdadbc0439bb0a38e816f020e20"`);
        await queryRunner.query(`ALTER TABLE "slot" DROP CONSTRAINT "FK_a5bb757de0fb452d52d10705efe"`);
        await queryRunner.query(`ALTER TABLE "slot" DROP CONSTRAINT "FK_e6fdbec8003d063afd8dbaf9abd"`);
        await queryRunner.query(`ALTER TABLE "forum_session" DROP CONSTRAINT "FK_1563b802a78b6cd51f672dac1a4"`);
        await queryRunner.query(`ALTER TABLE "forum" DROP CONSTRAINT "FK_db2586b2458724a206c368a854d"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_b2f82a5d38cb83d8b992ae7748f"`);
        await queryRunner.query(`DROP INDEX "public"."forum_organizer_idx"`);
        await queryRunner.query(`ALTER TABLE "forum" DROP COLUMN "side_must_match_country"`);
        await queryRunner.query(`ALTER TABLE "forum" DROP COLUMN "organizer_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_72f8093702266476f75c570753"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8610dc84fae6f53084681c39bd"`);
        await queryRunner.query(`DROP TABLE "registration_unavailable_slot"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_request_open_pair_unique"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_request_to_idx"`);
        await queryRunner.query(`DROP TABLE "meeting_request"`);
        await queryRunner.query(`DROP TABLE "forum_table"`);
        await queryRunner.query(`DROP INDEX "public"."delegate_registration_idx"`);
        await queryRunner.query(`DROP TABLE "delegate"`);
        await queryRunner.query(`DROP TABLE "registration"`);
        await queryRunner.query(`DROP TABLE "slot"`);
        await queryRunner.query(`DROP INDEX "public"."forum_session_forum_idx"`);
        await queryRunner.query(`DROP TABLE "forum_session"`);
        await queryRunner.query(`DROP TABLE "user_account"`);
        await queryRunner.query(`DROP TABLE "company"`);
    }

}
