import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { httpOf, RequestWithPrincipal } from '../common/graphql-context';

/**
 * The throttler, fed the HTTP request behind a GraphQL operation. A signed-in
 * caller is counted by account (the global auth guard has already run), an
 * anonymous one by address.
 */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req, res } = httpOf(context);
    return { req: req as unknown as Record<string, unknown>, res: res as unknown as Record<string, unknown> };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = (req as unknown as RequestWithPrincipal).principal;
    return principal ? `user:${principal.userId}` : `ip:${String(req.ip)}`;
  }
}
