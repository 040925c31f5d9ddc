import type { NextFunction, Request, Response } from 'express';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { AppConfig } from '@forum/common';

/**
 * Limits every document before it runs: depth, aliases, directives, tokens
 * and an estimated cost, so one request cannot ask for the whole database in
 * one go. Field suggestions ("did you mean …") are off in production, where
 * introspection is too.
 */
export function graphqlHardening(config: AppConfig) {
  const armor = new ApolloArmor({
    maxDepth: { n: 8 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 2000 },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: config.nodeEnv === 'production' },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}

/**
 * A document that does not parse (or that graphql-armor refuses while
 * parsing) is the client's mistake: HTTP 400, like one that does not
 * validate. Apollo answers those from inside a plugin hook with 500, before
 * any plugin could change the status, so this middleware on /graphql sets it
 * on the way out when every error says the document did not parse or validate.
 */
export function invalidDocumentStatus(_req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (typeof body === 'string') res.status(statusOfInvalidDocument(res.statusCode, body));
    return send(body);
  };
  next();
}

/** 400 for Apollo's 500 answer when every error says the document did not parse or validate; the status unchanged otherwise. */
export function statusOfInvalidDocument(status: number, body: string): number {
  if (status !== 500 || !/GRAPHQL_(PARSE|VALIDATION)_FAILED/.test(body)) return status;
  try {
    const { errors, data } = JSON.parse(body) as { errors?: { extensions?: { reason?: string } }[]; data?: unknown };
    const invalid = data === undefined && errors?.length && errors.every((error) => error.extensions?.reason === 'GRAPHQL_PARSE_FAILED' || error.extensions?.reason === 'GRAPHQL_VALIDATION_FAILED');
    return invalid ? 400 : status;
  } catch {
    return status; // not JSON: leave it as it is
  }
}

/** The Authorization a graphql-ws client sends in its connection parameters (either spelling). */
export function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}
