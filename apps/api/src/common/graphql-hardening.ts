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

/** The Authorization a graphql-ws client sends in its connection parameters (either spelling). */
export function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}
