import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, getOperationAST, GraphQLError, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { jitExecutor } from './jit-apollo.driver';

class NotFound extends Error {
  readonly code = 'NOT_FOUND';
}

function forumSchema(): GraphQLSchema {
  const schema = buildSchema(`
    enum Status { OPEN CLOSED }
    type Slot { label: String! startsAt: String! }
    type Item { id: ID! slot: Slot! note: String }
    type Query { agenda(forumId: ID!, first: Int): [Item!]! forum(id: ID!): String status: Status! }
    type Mutation { touch: Int! }
  `);
  const items = [
    { id: 'm1', slot: { label: '09:00', startsAt: '2024-06-10T02:00:00.000Z' }, note: null },
    { id: 'm2', slot: { label: '09:20', startsAt: '2024-06-10T02:20:00.000Z' }, note: 'table 3' },
  ];
  const query = schema.getQueryType()!.getFields();
  query.agenda.resolve = async (_root, args: { forumId: string; first?: number }) => {
    if (args.forumId !== 'f1') throw new NotFound('No such forum');
    return items.slice(0, args.first ?? items.length);
  };
  query.forum.resolve = () => {
    throw new NotFound('No such forum');
  };
  query.status.resolve = () => 'OPEN';
  let touched = 0;
  schema.getMutationType()!.getFields().touch.resolve = () => ++touched;
  return schema;
}

/** What Apollo hands a gateway's executor, for one document and its variables. */
function requestFor(text: string, variables: Record<string, unknown> = {}): GatewayGraphQLRequestContext {
  const document = parse(text);
  return { document, operation: getOperationAST(document)!, context: {}, request: { query: text, variables } } as unknown as GatewayGraphQLRequestContext;
}

/** The answer as a client receives it, with each error's original error. */
function answer(result: ExecutionResult) {
  return {
    json: JSON.parse(JSON.stringify(result)),
    errors: result.errors?.map((error) => ({ isGraphqlError: error instanceof GraphQLError, extensions: error.extensions, original: error.originalError })),
  };
}

describe('jitExecutor', () => {
  const schema = forumSchema();
  const counting = () => {
    const calls: string[] = [];
    const compile: typeof compileQuery = (...args) => {
      calls.push(args[2] ?? '');
      return compileQuery(...args);
    };
    return { calls, compile };
  };

  it('runs a document on graphql-js first, then compiles it once and answers the same', async () => {
    const { calls, compile } = counting();
    const execute = jitExecutor(schema, compile);
    const request = requestFor('query Agenda($f: ID!) { agenda(forumId: $f) { id slot { label startsAt } note } status }', { f: 'f1' });
    const first = await execute(request);
    expect(calls).toEqual([]);
    const second = await execute(request);
    const third = await execute(request);
    expect(calls).toEqual(['']);
    expect(first).toEqual({ data: { agenda: [{ id: 'm1', slot: { label: '09:00', startsAt: '2024-06-10T02:00:00.000Z' }, note: null }, { id: 'm2', slot: { label: '09:20', startsAt: '2024-06-10T02:20:00.000Z' }, note: 'table 3' }], status: 'OPEN' } });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('gives resolver errors as graphql-js does: path, locations, extensions and the original error', async () => {
    const execute = jitExecutor(schema);
    for (const [text, variables] of [
      ['query ($f: ID!) { agenda(forumId: $f) { id } }', { f: 'nope' }],
      ['{ status forum(id: "x") }', {}],
    ] as const) {
      const request = requestFor(text, variables);
      const byGraphqlJs = answer(await execute(request));
      expect(byGraphqlJs.errors?.[0].original).toBeInstanceOf(NotFound);
      for (let run = 0; run < 2; run++) {
        const compiled = answer(await execute(request));
        expect(compiled.json).toEqual(byGraphqlJs.json);
        expect(compiled.errors).toEqual(byGraphqlJs.errors);
        expect(compiled.errors?.[0].original).toBeInstanceOf(NotFound);
        expect(compiled.errors?.[0].extensions).toEqual({});
      }
    }
  });

  it('refuses variables that do not coerce in graphql-js words, with the variable definition as their node', async () => {
    const execute = jitExecutor(schema);
    const request = requestFor('query ($f: ID!, $n: Int) { agenda(forumId: $f, first: $n) { id } }', { f: 'f1', n: 'many' });
    const first = await execute(request);
    const second = await execute(request);
    expect(second).toEqual(first);
    expect(second.errors?.[0].message).toMatch(/^Variable "\$n" got invalid value "many"/);
    expect(second.errors?.[0].nodes?.[0].kind).toBe('VariableDefinition');
  });

  it('never compiles mutations (they run in order, on graphql-js)', async () => {
    const { calls, compile } = counting();
    const execute = jitExecutor(schema, compile);
    const request = requestFor('mutation { touch }');
    expect((await execute(request)).data).toEqual({ touch: 1 });
    expect((await execute(request)).data).toEqual({ touch: 2 });
    expect((await execute(request)).data).toEqual({ touch: 3 });
    expect(calls).toEqual([]);
  });

  it('compiles each named operation of a document on its own', async () => {
    const { calls, compile } = counting();
    const execute = jitExecutor(schema, compile);
    const text = 'query A { status } query B { agenda(forumId: "f1", first: 1) { id } }';
    const document = parse(text);
    const run = (name: string) =>
      execute({ document, operation: getOperationAST(document, name)!, context: {}, request: { query: text, operationName: name, variables: {} } } as unknown as GatewayGraphQLRequestContext);
    expect(await run('A')).toEqual({ data: { status: 'OPEN' } });
    expect(await run('A')).toEqual({ data: { status: 'OPEN' } });
    expect(await run('B')).toEqual({ data: { agenda: [{ id: 'm1' }] } });
    expect(await run('B')).toEqual({ data: { agenda: [{ id: 'm1' }] } });
    expect(calls).toEqual(['A', 'B']);
  });
});
