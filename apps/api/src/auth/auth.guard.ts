import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role, User } from '@forum/db';
import { ForbiddenError, UnauthenticatedError } from '../common/domain-errors';
import { httpOf } from '../common/graphql-context';
import type { Principal } from '../common/principal';
import { TtlCache } from '../common/ttl-cache';
import { IS_PUBLIC, ROLES } from './auth.decorators';

interface TokenClaims {
  sub: string;
}

/**
 * Global guard: reads `Authorization: Bearer <token>`, loads the user once per
 * request, and enforces @Public and @Roles on every operation and field.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Token → principal for a few seconds: a deleted account's token works at most that much longer. */
  private readonly principals = new TtlCache<Promise<Principal>>(10_000);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const { req } = httpOf(context);
    if (req.principal === undefined) {
      req.principal = await this.principalOf(req.headers.authorization);
    }
    if (isPublic) return true;
    if (!req.principal) throw new UnauthenticatedError();
    if (roles && !roles.includes(req.principal.role)) {
      throw new ForbiddenError(`Only ${roles.join(' or ').toLowerCase()} accounts may do this`);
    }
    return true;
  }

  private async principalOf(header: string | undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) {
      if (header) throw new UnauthenticatedError('The Authorization header must be "Bearer <accessToken>"');
      return null;
    }
    const token = match[1];
    const cached = this.principals.get(token);
    if (cached) return cached;
    // Cached as a promise: concurrent requests with one token share one lookup.
    const loading = this.load(token);
    this.principals.set(token, loading);
    loading.catch(() => this.principals.delete(token));
    return loading;
  }

  private async load(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired; sign in again');
    }
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user) throw new UnauthenticatedError('The account behind this token no longer exists');
    return { userId: user.id, role: user.role, companyId: user.companyId };
  }
}
