import { MigrationInterface, QueryRunner } from "typeorm";

export class ForumDayRefillOutcomes1795706956729 implements MigrationInterface {
    name = 'ForumDayRefillOutcomes1795706956729'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The follow-up message is a new kind (TypeORM does not diff CHECK expressions).
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK ("kind" IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_WITHDRAWN', 'REGISTRATION_APPROVED', 'REGISTRATION_REJECTED', 'SCHEDULE_PUBLISHED', 'AGENDA_CHANGED', 'REMINDER', 'PASSWORD_RESET', 'OUTCOME_FOLLOW_UP'))`);
        await queryRunner.query(`CREATE TABLE "freed_meeting" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "schedule_id" uuid NOT NULL, "slot_id" uuid NOT NULL, "table_id" uuid NOT NULL, "company_a_id" uuid NOT NULL, "company_b_id" uuid NOT NULL, "absent_company_id" uuid NOT NULL, "freed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1bd12e48db13ba2da41fdc5497c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "freed_meeting_forum_idx" ON "freed_meeting"  ("forum_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_outcome" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "meeting_id" uuid NOT NULL, "company_id" uuid NOT NULL, "round" smallint NOT NULL DEFAULT '0', "interest" character varying(8) NOT NULL, "value_amount" numeric(18,2), "currency" character varying(3), "status" character varying(16) NOT NULL, "note" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_outcome_meeting_company_round_unique" UNIQUE ("meeting_id", "company_id", "round"), CONSTRAINT "meeting_outcome_value_check" CHECK (("value_amount" IS NULL) = ("currency" IS NULL) AND ("value_amount" IS NULL OR "value_amount" >= 0)), CONSTRAINT "meeting_outcome_currency_check" CHECK ("currency" IS NULL OR "currency" IN ('USD', 'KRW', 'VND')), CONSTRAINT "meeting_outcome_status_check" CHECK ("status" IN ('NO_FOLLOW_UP', 'IN_DISCUSSION', 'MOU', 'CONTRACT_SIGNED')), CONSTRAINT "meeting_outcome_interest_check" CHECK ("interest" IN ('NONE', 'SOME', 'STRONG')), CONSTRAINT "PK_7803d446c9dfb938ab183628f46" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_outcome_company_idx" ON "meeting_outcome"  ("company_id") `);
        await queryRunner.query(`CREATE TABLE "outcome_round" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "round" smallint NOT NULL, "months" smallint NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outcome_round_forum_round_unique" UNIQUE ("forum_id", "round"), CONSTRAINT "PK_67e2af0d30e63a7d7186e08c3c8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "refill_proposal" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "forum_id" uuid NOT NULL, "schedule_id" uuid NOT NULL, "from_slot_id" uuid NOT NULL, "meetings" jsonb NOT NULL, "weight" double precision NOT NULL, "bound" double precision NOT NULL, "unfilled" jsonb NOT NULL, "solve_ms" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6e83df686fcd70a9ddcb7e2772b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "refill_proposal_forum_idx" ON "refill_proposal"  ("forum_id") `);
        await queryRunner.query(`ALTER TABLE "registration" ADD "absent_from_slot_id" uuid`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "refill_proposal_id" uuid`);
        await queryRunner.query(`ALTER TABLE "registration" ADD CONSTRAINT "FK_936d5253aefeb1af5b84732e662" FOREIGN KEY ("absent_from_slot_id") REFERENCES "slot"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "freed_meeting" ADD CONSTRAINT "FK_4cb41307201d20c22dff1d457b2" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "freed_meeting" ADD CONSTRAINT "FK_4ec4e3a9464430cba2410d87d9f" FOREIGN KEY ("absent_company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_d2726a0353cecec9276abbe3c45" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_9dd724fe26a6d958943e302674d" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "outcome_round" ADD CONSTRAINT "FK_a659942eb2e50b65fa65376e961" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refill_proposal" ADD CONSTRAINT "FK_4253f9ad75bf362479c242afeb3" FOREIGN KEY ("forum_id") REFERENCES "forum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refill_proposal" ADD CONSTRAINT "FK_b836c3b403ac58e3d3f46e48326" FOREIGN KEY ("schedule_id") REFERENCES "schedule"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refill_proposal" ADD CONSTRAINT "FK_63f451ec74f08faa2d897c13c03" FOREIGN KEY ("from_slot_id") REFERENCES "slot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'OUTCOME_FOLLOW_UP'`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK ("kind" IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_WITHDRAWN', 'REGISTRATION_APPROVED', 'REGISTRATION_REJECTED', 'SCHEDULE_PUBLISHED', 'AGENDA_CHANGED', 'REMINDER', 'PASSWORD_RESET'))`);
        await queryRunner.query(`ALTER TABLE "refill_proposal" DROP CONSTRAINT "FK_63f451ec74f08faa2d897c13c03"`);
        await queryRunner.query(`ALTER TABLE "refill_proposal" DROP CONSTRAINT "FK_b836c3b403ac58e3d3f46e48326"`);
        await queryRunner.query(`ALTER TABLE "refill_proposal" DROP CONSTRAINT "FK_4253f9ad75bf362479c242afeb3"`);
        await queryRunner.query(`ALTER TABLE "outcome_round" DROP CONSTRAINT "FK_a659942eb2e50b65fa65376e961"`);
        await queryRunner.query(`ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_9dd724fe26a6d958943e302674d"`);
        await queryRunner.query(`ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_d2726a0353cecec9276abbe3c45"`);
        await queryRunner.query(`ALTER TABLE "freed_meeting" DROP CONSTRAINT "FK_4ec4e3a9464430cba2410d87d9f"`);
        await queryRunner.query(`ALTER TABLE "freed_meeting" DROP CONSTRAINT "FK_4cb41307201d20c22dff1d457b2"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_936d5253aefeb1af5b84732e662"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "refill_proposal_id"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "absent_from_slot_id"`);
        await queryRunner.query(`DROP INDEX "public"."refill_proposal_forum_idx"`);
        await queryRunner.query(`DROP TABLE "refill_proposal"`);
        await queryRunner.query(`DROP TABLE "outcome_round"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_outcome_company_idx"`);
        await queryRunner.query(`DROP TABLE "meeting_outcome"`);
        await queryRunner.query(`DROP INDEX "public"."freed_meeting_forum_idx"`);
        await queryRunner.query(`DROP TABLE "freed_meeting"`);
    }

}
