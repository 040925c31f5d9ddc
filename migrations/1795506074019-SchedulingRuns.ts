import { MigrationInterface, QueryRunner } from "typeorm";

export class SchedulingRuns1795506074019 implements MigrationInterface {
    name = 'SchedulingRuns1795506074019'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "schedule_run" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'QUEUED', "phase" character varying(32) NOT NULL DEFAULT 'queued', "progress" integer NOT NULL DEFAULT '0', "options" jsonb NOT NULL DEFAULT '{}', "stats" jsonb, "error" text, "instance" jsonb, "cancel_requested" boolean NOT NULL DEFAULT false, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "schedule_run_progress_check" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "schedule_run_status_check" CHECK ("status" IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')), CONSTRAINT "PK_bc6d25bc1a55e78bc06d3a4e2c6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "schedule_run_forum_idx" ON "schedule_run"  ("forum_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "schedule_run_one_active_per_forum" ON "schedule_run"  ("forum_id") WHERE "status" IN ('QUEUED', 'RUNNING')`);
        await queryRunner.query(`CREATE TABLE "schedule" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "run_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "version" integer, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "schedule_run_unique" UNIQUE ("run_id"), CONSTRAINT "schedule_forum_version_unique" UNIQUE ("forum_id", "version"), CONSTRAINT "REL_bc6d25bc1a55e78bc06d3a4e2c" UNIQUE ("run_id"), CONSTRAINT "schedule_version_check" CHECK (("status" = 'DRAFT') = ("version" IS NULL)), CONSTRAINT "schedule_status_check" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')), CONSTRAINT "PK_1c05e42aec7371641193e180046" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "schedule_one_published_per_forum" ON "schedule"  ("forum_id") WHERE "status" = 'PUBLISHED'`);
        await queryRunner.query(`CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "schedule_id" uuid NOT NULL, "slot_id" uuid NOT NULL, "table_id" uuid NOT NULL, "company_a_id" uuid NOT NULL, "company_b_id" uuid NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "weight" double precision NOT NULL DEFAULT '0', CONSTRAINT "meeting_id_schedule_slot_unique" UNIQUE ("id", "schedule_id", "slot_id"), CONSTRAINT "meeting_schedule_pair_unique" UNIQUE ("schedule_id", "company_a_id", "company_b_id"), CONSTRAINT "meeting_schedule_slot_table_unique" UNIQUE ("schedule_id", "slot_id", "table_id"), CONSTRAINT "meeting_ordered_pair_check" CHECK ("company_a_id" < "company_b_id"), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_schedule_idx" ON "meeting"  ("schedule_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_participant" ("meeting_id" uuid NOT NULL, "company_id" uuid NOT NULL, "schedule_id" uuid NOT NULL, "slot_id" uuid NOT NULL, CONSTRAINT "meeting_participant_one_per_slot" UNIQUE ("schedule_id", "slot_id", "company_id"), CONSTRAINT "PK_ed591439ab5e4e0eb93c2c70962" PRIMARY KEY ("meeting_id", "company_id"))`);
        await queryRunner.query(`ALTER TABLE "schedule_run" ADD CONSTRAINT "FK_52d7539dd618c1bfba0ed5d61ac" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "schedule" ADD CONSTRAINT "FK_5966e418922935b925485607a11" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "schedule" ADD CONSTRAINT "FK_bc6d25bc1a55e78bc06d3a4e2c6" FOREIGN KEY ("run_id") REFERENCES "schedule_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "FK_fa8a410981b0fcfa0540597e6a4" FOREIGN KEY ("schedule_id") REFERENCES "schedule"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "FK_7a185283cac6b280a290a852faa" FOREIGN KEY ("slot_id") REFERENCES "slot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "FK_0907601f44d6edb513ce04a0132" FOREIGN KEY ("table_id") REFERENCES "forum_table"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "FK_b00c22f28ed72940d1a839b899a" FOREIGN KEY ("company_a_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "FK_938485937bcabb42214d7184718" FOREIGN KEY ("company_b_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_participant" ADD CONSTRAINT "FK_6ec3192648900f959ca912cc038" FOREIGN KEY ("meeting_id", "schedule_id", "slot_id") REFERENCES "meeting"("id","schedule_id","slot_id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "meeting_participant" ADD CONSTRAINT "FK_bff8eb0e612bda0412df15690a6" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "FK_bff8eb0e612bda0412df15690a6"`);
        await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "FK_6ec3192648900f959ca912cc038"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_938485937bcabb42214d7184718"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_b00c22f28ed72940d1a839b899a"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_0907601f44d6edb513ce04a0132"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_7a185283cac6b280a290a852faa"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_fa8a410981b0fcfa0540597e6a4"`);
        await queryRunner.query(`ALTER TABLE "schedule" DROP CONSTRAINT "FK_bc6d25bc1a55e78bc06d3a4e2c6"`);
        await queryRunner.query(`ALTER TABLE "schedule" DROP CONSTRAINT "FK_5966e418922935b925485607a11"`);
        await queryRunner.query(`ALTER TABLE "schedule_run" DROP CONSTRAINT "FK_52d7539dd618c1bfba0ed5d61ac"`);
        await queryRunner.query(`DROP TABLE "meeting_participant"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_schedule_idx"`);
        await queryRunner.query(`DROP TABLE "meeting"`);
        await queryRunner.query(`DROP INDEX "public"."schedule_one_published_per_forum"`);
        await queryRunner.query(`DROP TABLE "schedule"`);
        await queryRunner.query(`DROP INDEX "public"."schedule_run_one_active_per_forum"`);
        await queryRunner.query(`DROP INDEX "public"."schedule_run_forum_idx"`);
        await queryRunner.query(`DROP TABLE "schedule_run"`);
    }

}
