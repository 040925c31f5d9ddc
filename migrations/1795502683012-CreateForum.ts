import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateForum1795502683012 implements MigrationInterface {
    name = 'CreateForum1795502683012'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`);
        await queryRunner.query(`CREATE TABLE "forum" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "venue" character varying(200), "time_zone" character varying(64) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "sides" character varying(2) array NOT NULL DEFAULT '{}', "slot_minutes" integer NOT NULL, "break_minutes" integer NOT NULL DEFAULT '0', "max_meetings_per_company" integer NOT NULL, "request_deadline" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "forum_max_meetings_check" CHECK ("max_meetings_per_company" > 0), CONSTRAINT "forum_break_minutes_check" CHECK ("break_minutes" BETWEEN 0 AND 120), CONSTRAINT "forum_slot_minutes_check" CHECK ("slot_minutes" BETWEEN 5 AND 240), CONSTRAINT "forum_status_check" CHECK ("status" IN ('DRAFT', 'OPEN', 'REQUESTS_CLOSED', 'SCHEDULED', 'CLOSED')), CONSTRAINT "PK_ffd925a9b1fa44ab1ce26c9821c" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "forum"`);
    }

}
