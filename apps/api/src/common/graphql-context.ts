import { ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { Principal } from './principal';
import { connectionAuthorization } from './graphql-hardening';

export interface RequestWithPrincipal extends Request {
  principal?: Principal | null;
  /** The one lookup of this request's principal, shared by the guard runs of all its fields. */
  principalLookup?: Promise<Principal | null>;
}

/** The HTTP request and response behind a GraphQL field or a REST handler alike. */
export function httpOf(context: ExecutionContext): { req: RequestWithPrincipal; res: Response } {
  if (context.getType<GqlContextType>() === 'graphql') {
    const { req, res } = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal; res: Response }>();
    return { req, res };
  }
  return { req: context.switchToHttp().getRequest(), res: context.switchToHttp().getResponse() };
}

/**
 * The GraphQL context of an HTTP request (Apollo's Express integration and
 * GraphqlHttpFront alike) or of a graphql-ws connection: a request-like
 * object carrying the connection's Authorization (connectionParams), so the
 * same guard signs subscriptions in.
 */
export function graphqlHttpContext(context: { req?: unknown; res?: unknown; connectionParams?: Record<string, unknown> }) {
  return context.req ? { req: context.req, res: context.res } : { req: { headers: { authorization: connectionAuthorization(context.connectionParams) } } };
}
