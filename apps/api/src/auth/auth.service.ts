import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Company, User } from '@forum/db';
import { ConflictError, ForbiddenError, UnauthenticatedError } from '../common/domain-errors';
import type { Principal } from '../common/principal';
import { companyFields } from '../companies/company-fields';
import { CompanyProfileInput } from '../companies/dto/company-profile.input';
import { hashPassword, normalizeEmail, verifyPassword } from '@forum/common';

export interface Session {
  accessToken: string;
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
  ) {}

  /** A company representative's account together with the company's profile, in one transaction. */
  async signUp(input: { email: string; password: string; name: string; company: CompanyProfileInput }): Promise<Session> {
    const email = normalizeEmail(input.email);
    await this.assertEmailFree(email);
    const passwordHash = await hashPassword(input.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const company = await manager.getRepository(Company).save(manager.getRepository(Company).create(companyFields(input.company)));
      return manager.getRepository(User).save({ email, passwordHash, name: input.name.trim(), role: 'COMPANY', companyId: company.id });
    });
    return this.sessionFor(user);
  }

  async login(emailInput: string, password: string): Promise<Session> {
    const user = await this.users.findOneBy({ email: normalizeEmail(emailInput) });
    // The same answer whether the email is unknown or the password wrong.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new UnauthenticatedError('Email or password is incorrect');
    }
    return this.sessionFor(user);
  }

  async me(principal: Principal): Promise<User> {
    return this.users.findOneByOrFail({ id: principal.userId });
  }

  /** Organiser accounts are created by the operator (`npm run cli -- create-organizer`) and the demo seed. */
  async createOrganizer(emailInput: string, password: string, name: string): Promise<User> {
    const email = normalizeEmail(emailInput);
    await this.assertEmailFree(email);
    return this.users.save({ email, passwordHash: await hashPassword(password), name, role: 'ORGANIZER', companyId: null });
  }

  /** A read-only account for a person attending for the caller's company. */
  async createDelegateAccount(principal: Principal, input: { email: string; password: string; name: string }): Promise<User> {
    if (principal.role !== 'COMPANY' || !principal.companyId) {
      throw new ForbiddenError("Only a company's representative can create its delegates' accounts");
    }
    const email = normalizeEmail(input.email);
    await this.assertEmailFree(email);
    return this.users.save({
      email,
      passwordHash: await hashPassword(input.password),
      name: input.name.trim(),
      role: 'DELEGATE',
      companyId: principal.companyId,
    });
  }

  private async assertEmailFree(email: string) {
    if (await this.users.existsBy({ email })) {
      throw new ConflictError(`An account with the email ${email} already exists; sign in instead`);
    }
  }

  private async sessionFor(user: User): Promise<Session> {
    return { accessToken: await this.jwt.signAsync({ sub: user.id, role: user.role }), user };
  }
}
