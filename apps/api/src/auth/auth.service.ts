import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notifyUser } from '@forum/notifications';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Company, isUniqueViolation, PasswordReset, returned, User } from '@forum/db';
import { BadInputError, ConflictError, ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../common/domain-errors';
import { FAILED_LOGIN_WINDOW_MS, FailedLogins } from './failed-logins';
import { AccessTokens } from './access-tokens';
import { SessionUsers } from './session-users';
import type { Principal } from '../common/principal';
import { companyFields } from '../companies/company-fields';
import { CompanyProfileInput } from '../companies/dto/company-profile.input';
import { hashPassword, normalizeEmail, verifyPassword, type Language } from '@forum/common';

/** Checked against when the email is unknown, so both answers take as long. */
const DUMMY_HASH = hashPassword('not a password anybody has');

export interface Session {
  accessToken: string;
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: AccessTokens,
    private readonly sessionUsers: SessionUsers,
    private readonly failedLogins: FailedLogins,
  ) {}

  /** A company representative's account together with the company's profile, in one transaction. */
  async signUp(input: { email: string; password: string; name: string; company: CompanyProfileInput }): Promise<Session> {
    const email = normalizeEmail(input.email);
    await this.assertEmailFree(email);
    const passwordHash = await hashPassword(input.password);
    const user = await this.emailTaken(email, this.dataSource.transaction(async (manager) => {
      const company = await manager.getRepository(Company).save(manager.getRepository(Company).create(companyFields(input.company)));
      const user = await manager.getRepository(User).save({ email, passwordHash, name: input.name.trim(), role: 'COMPANY', companyId: company.id });
      return Object.assign(user, { company });
    }));
    return this.sessionFor(user);
  }

  async login(emailInput: string, password: string): Promise<Session> {
    const email = normalizeEmail(emailInput);
    if (await this.failedLogins.isLocked(email)) {
      throw new TooManyRequestsError(`Too many wrong passwords for this account; wait ${FAILED_LOGIN_WINDOW_MS / 60_000} minutes and try again`);
    }
    const user = await this.users.findOne({ where: { email }, relations: { company: true } });
    // The same answer, and the same time (a hash is checked either way), whether the email is unknown or the password wrong.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !matches) {
      await this.failedLogins.failed(email);
      throw new UnauthenticatedError('Email or password is incorrect');
    }
    await this.failedLogins.succeeded(email);
    return this.sessionFor(user);
  }

  async me(principal: Principal): Promise<User> {
    return this.users.findOneOrFail({ where: { id: principal.userId }, relations: { company: true } });
  }

  /** Ends every session of the caller's account, this one included; answers a fresh token for this client. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<Session> {
    const user = await this.users.findOneOrFail({ where: { id: principal.userId }, relations: { company: true } });
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new BadInputError('currentPassword: this is not your current password');
    if (currentPassword === newPassword) throw new BadInputError('newPassword: choose a password different from the current one');
    const passwordHash = await hashPassword(newPassword);
    return this.endSessions(user, { passwordHash });
  }

  /**
   * Emails a single-use link to choose a new password, valid for an hour,
   * when the address has an account; answers the same either way (nobody
   * learns which addresses exist). Written in one transaction with its message.
   */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const email = normalizeEmail(emailInput);
    const user = await this.users.findOneBy({ email });
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PasswordReset).insert({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_LINK_MS) });
      await notifyUser(manager, user.id, 'PASSWORD_RESET', { token });
    });
  }

  /** Sets the password of a reset link's account, uses the link up (and any other of that account), and ends every session. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      const [reset] = returned<{ id: string; userId: string }>(
        await manager.query(`UPDATE password_reset SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id, user_id AS "userId"`, [sha256(token)]),
      );
      if (!reset) throw new BadInputError('token: this link is invalid, used or expired; ask for a new one');
      await manager.query('UPDATE password_reset SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [reset.userId]);
      return manager.getRepository(User).findOneByOrFail({ id: reset.userId });
    });
    await this.endSessions(user, { passwordHash });
  }

  /** Every token of the caller's account stops working at once, in every API process. */
  async signOutEverywhere(principal: Principal): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: principal.userId });
    await this.endSessions(user, {});
  }

  private async endSessions(user: User, changes: Partial<User>): Promise<Session> {
    if (Object.keys(changes).length) await this.users.update({ id: user.id }, changes);
    await this.users.increment({ id: user.id }, 'tokenVersion', 1);
    await this.sessionUsers.changed(user.id);
    const { tokenVersion } = await this.users.findOneByOrFail({ id: user.id });
    return this.sessionFor(Object.assign(user, changes, { tokenVersion }));
  }

  async setPreferredLanguage(principal: Principal, language: Language | null): Promise<User> {
    await this.users.update({ id: principal.userId }, { preferredLanguage: language });
    return this.me(principal);
  }

  /** Organiser accounts are created by the operator (`npm run cli -- create-organizer`) and the demo seed. */
  async createOrganizer(emailInput: string, password: string, name: string): Promise<User> {
    const email = normalizeEmail(emailInput);
    await this.assertEmailFree(email);
    return this.emailTaken(email, this.users.save({ email, passwordHash: await hashPassword(password), name, role: 'ORGANIZER', companyId: null }));
  }

  /** A read-only account for a person attending for the caller's company. */
  async createDelegateAccount(principal: Principal, input: { email: string; password: string; name: string }): Promise<User> {
    if (principal.role !== 'COMPANY' || !principal.companyId) {
      throw new ForbiddenError("Only a company's representative can create its delegates' accounts");
    }
    const email = normalizeEmail(input.email);
    await this.assertEmailFree(email);
    return this.emailTaken(email, this.users.save({
      email,
      passwordHash: await hashPassword(input.password),
      name: input.name.trim(),
      role: 'DELEGATE',
      companyId: principal.companyId,
    }));
  }

  /** Two sign-ups with one email racing past assertEmailFree: the unique constraint decides, the loser hears CONFLICT. */
  private async emailTaken<T>(email: string, write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`An account with the email ${email} already exists; sign in instead`);
      throw error;
    }
  }

  private async assertEmailFree(email: string) {
    if (await this.users.existsBy({ email })) {
      throw new ConflictError(`An account with the email ${email} already exists; sign in instead`);
    }
  }

  private async sessionFor(user: User): Promise<Session> {
    return { accessToken: this.tokens.sign({ sub: user.id, role: user.role, ver: user.tokenVersion ?? 0 }), user };
  }
}

const RESET_LINK_MS = 60 * 60 * 1000;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
