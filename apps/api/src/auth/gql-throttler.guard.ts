import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { httpOf } from '../common/graphql-context';

/** The throttler, fed the HTTP request behind a GraphQL operation. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req, res } = httpOf(context);
    return { req: req as unknown as Record<string, unknown>, res: res as unknown as Record<string, unknown> };
  }
}
