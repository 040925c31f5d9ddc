import { MigrationInterface, QueryRunner } from "typeorm";

/** Forums that approve each registration; a registration's status (existing ones stay approved). */
export class RegistrationApproval1795690000000 implements MigrationInterface {
    name = 'RegistrationApproval1795690000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "forum" ADD "require_approval" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "registration" ADD "status" character varying(16) NOT NULL DEFAULT 'APPROVED'`);
        await queryRunner.query(`ALTER TABLE "registration" ADD CONSTRAINT "registration_status_check" CHECK ("status" IN ('PENDING', 'APPROVED', 'REJECTED'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "registration_status_check"`);
        await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "status"`);
        await queryRunner.query(`ALTER TABLE "forum" DROP COLUMN "require_approval"`);
    }

}
