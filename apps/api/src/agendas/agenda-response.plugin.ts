import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { TtlCache } from '../common/ttl-cache';

/**
 * Serves a repeated agenda query from the answer given to the very same
 * request (same bearer token, document and variables) in the last two seconds,
 * without executing it again: the agenda is the hottest read of a forum day.
 * Only a query whose single root field is `agenda` is cached, only an answer
 * without errors, and only for the token that received it; publishing or
 * editing a schedule clears it at once (AgendaCache.forget).
 */
export const agendaResponses = new TtlCache<FormattedExecutionResult>(2_000, 50_000);

function cacheKey(context: GraphQLRequestContext<object>): string | null {
  const operation = context.operation;
  if (!operation || operation.operation !== 'query') return null;
  const fields = operation.selectionSet.selections;
  if (fields.length !== 1 || fields[0].kind !== 'Field' || fields[0].name.value !== 'agenda' || fields[0].alias) return null;
  const authorization = context.request.http?.headers.get('authorization');
  if (!authorization) return null;
  return createHash('sha256')
    .update(`${authorization}\n${context.source ?? ''}\n${JSON.stringify(context.request.variables ?? {})}\n${context.request.operationName ?? ''}`)
    .digest('base64url');
}

export const agendaResponsePlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async responseForOperation(context) {
        const key = cacheKey(context);
        const cached = key ? agendaResponses.get(key) : undefined;
        return cached ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: cached } } : null;
      },
      async willSendResponse(context) {
        const key = cacheKey(context);
        if (!key || context.response.body.kind !== 'single') return;
        const result = context.response.body.singleResult;
        if (!result.errors && result.data) agendaResponses.set(key, result);
      },
    };
  },
};
