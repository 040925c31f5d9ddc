import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@forum/db';
import { httpOf } from '../common/graphql-context';
import type { Principal } from '../common/principal';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** Anyone may call this, signed in or not. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call this (others get FORBIDDEN). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The signed-in caller (guaranteed by the guard on non-public operations). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => httpOf(context).req.principal as Principal,
);
