import { Injectable } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** A document's compiled operations by name ('' for the only one), or how often it ran before compiling. */
interface Compiled {
  runs: number;
  byOperation: Map<string, CompiledQuery | null>;
}

/**
 * Executes queries with graphql-jit: a document asked for a second time is
 * compiled into a function that resolves its fields directly, instead of
 * graphql-js walking the document for every request. On a company's agenda
 * (about 100 fields) that walk and the objects it allocates were most of the
 * per-request cost beyond the HTTP round itself (bench:api).
 *
 * Everything around execution stays Apollo's: parsing, validation, the
 * document cache, plugins, error formatting and HTTP status. Mutations,
 * subscriptions, documents seen once and documents graphql-jit cannot
 * compile run on graphql-js as before.
 */
export function jitExecutor(schema: GraphQLSchema, compile: typeof compileQuery = compileQuery): GatewayExecutor {
  // Apollo keeps one DocumentNode per distinct query text (its document store), so the compiled
  // functions live exactly as long as Apollo keeps the document.
  const compiledByDocument = new WeakMap<DocumentNode, Compiled>();
  return async (request) => {
    const { document, operation, context } = request;
    const operationName = request.request.operationName ?? null;
    const variables = request.request.variables ?? {};
    if (operation.operation === 'query') {
      let compiled = compiledByDocument.get(document);
      if (!compiled) compiledByDocument.set(document, (compiled = { runs: 0, byOperation: new Map() }));
      // The first run uses graphql-js: a document asked for only once is not worth compiling.
      if (++compiled.runs > 1) {
        const key = operationName ?? '';
        let query = compiled.byOperation.get(key);
        if (query === undefined) {
          const result = compile(schema, document, operationName ?? undefined);
          query = isCompiledQuery(result) ? result : null;
          compiled.byOperation.set(key, query);
        }
        if (query) {
          const result = (await query.query(undefined, context, variables)) as ExecutionResult;
          if (!result.errors) return result;
          // Errors outside any field (variables that do not coerce) come before any resolver runs:
          // graphql-js says them in the words and shape Apollo recognises as the client's (BAD_USER_INPUT).
          if (result.errors.some((error) => !error.path)) return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
          return { ...result, errors: result.errors.map(asGraphqlJsError) };
        }
      }
    }
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
  };
}

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` (Apollo reads
 * `extensions.code` of every error): the same error as graphql-js makes it.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const same = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (same as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return same;
}

/** Hands Apollo the schema Nest built and {@link jitExecutor} through Apollo's gateway interface (its one hook for execution). */
function jitGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return { executor: jitExecutor(schema) };
    },
    async stop() {},
  };
}

/** Nest's Apollo driver, executing through {@link jitExecutor}. */
@Injectable()
export class JitApolloDriver extends ApolloDriver {
  override async registerServer(options: ApolloDriverConfig): Promise<void> {
    // Nest passes these options on to `new ApolloServer`, which executes through a gateway when given one.
    const withGateway: ApolloDriverConfig & { gateway: GatewayInterface } = { ...options, gateway: jitGateway(options.schema!) };
    await super.registerServer(withGateway);
  }
}
