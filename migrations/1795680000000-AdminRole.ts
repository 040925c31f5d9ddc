import { MigrationInterface, QueryRunner } from "typeorm";

/** The ADMIN role (the installation's operator): no company, like an organiser. Written by hand: TypeORM does not diff check expressions. */
export class AdminRole1795680000000 implements MigrationInterface {
    name = 'AdminRole1795680000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_role_check"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_company_check"`);
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_role_check" CHECK ("role" IN ('ADMIN', 'ORGANIZER', 'COMPANY', 'DELEGATE'))`);
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_company_check" CHECK (("role" IN ('ADMIN', 'ORGANIZER')) = ("company_id" IS NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "user_account" WHERE "role" = 'ADMIN'`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_company_check"`);
        await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "user_account_role_check"`);
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_role_check" CHECK ("role" IN ('ORGANIZER', 'COMPANY', 'DELEGATE'))`);
        await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_company_check" CHECK (("role" = 'ORGANIZER') = ("company_id" IS NULL))`);
    }

}
