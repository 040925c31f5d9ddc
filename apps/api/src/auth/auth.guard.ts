import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@forum/db';
import { ForbiddenError, UnauthenticatedError } from '../common/domain-errors';
import { httpOf } from '../common/graphql-context';
import type { Principal } from '../common/principal';
import { AccessTokens } from './access-tokens';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { SessionUsers } from './session-users';

/**
 * Global guard: reads `Authorization: Bearer <token>`, resolves the user once
 * per request, and enforces @Public and @Roles on every operation and field.
 * A token is accepted only while its user exists and its version is the
 * user's current one (a password change or "sign out everywhere" raises it).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly users: SessionUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const { req } = httpOf(context);
    if (req.principal === undefined) {
      // Shared by every field of the request: the lookup runs once.
      req.principalLookup ??= this.principalOf(req.headers.authorization);
      req.principal = await req.principalLookup;
    }
    if (isPublic) return true;
    if (!req.principal) throw new UnauthenticatedError();
    if (roles && !roles.includes(req.principal.role)) {
      throw new ForbiddenError(`Only ${roles.join(' or ').toLowerCase()} accounts may do this`);
    }
    return true;
  }

  private async principalOf(header: string | undefined): Promise<Principal | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) {
      if (header) throw new UnauthenticatedError('The Authorization header must be "Bearer <accessToken>"');
      return null;
    }
    const claims = this.tokens.verify(match[1]);
    if (!claims) throw new UnauthenticatedError('The access token is invalid or has expired; sign in again');
    const user = await this.users.get(claims.sub);
    if (!user) throw new UnauthenticatedError('The account behind this token no longer exists');
    if (claims.ver !== user.tokenVersion) throw new UnauthenticatedError('This session was signed out (password changed or signed out everywhere); sign in again');
    return { userId: user.id, role: user.role, companyId: user.companyId };
  }
}
