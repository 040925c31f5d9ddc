import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';

/**
 * One urql client for the app: the bearer token on every operation, and a
 * refused token (UNAUTHENTICATED) ends the session so the router sends the
 * user to sign in and back.
 */
export function createGraphqlClient(getToken: () => string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && getToken()) onUnauthenticated();
        },
      }),
      // The document cache: a mutation's result types refresh every query showing them (counts, lists).
      cacheExchange,
      fetchExchange,
      // Subscriptions (a schedule run's progress) over graphql-ws on the same path, signed in by connection parameters.
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return { subscribe: (sink) => ({ unsubscribe: webSocket(getToken).subscribe(input, sink) }) };
        },
      }),
    ],
    fetchOptions: (): RequestInit => {
      const token = getToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}

let socket: { client: WsClient; token: string | null } | null = null;

/** One graphql-ws connection, opened on first use and again when the signed-in token changes. */
function webSocket(getToken: () => string | null): WsClient {
  const token = getToken();
  if (!socket || socket.token !== token) {
    void socket?.client.dispose();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    socket = { token, client: createWsClient({ url, lazy: true, connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}) }) };
  }
  return socket.client;
}

/** The code of the first GraphQL error (BAD_USER_INPUT, UNAUTHENTICATED, …), or NETWORK when the server did not answer. */
export function errorCode(error: { graphQLErrors: { extensions?: Record<string, unknown> }[]; networkError?: Error } | undefined): string | null {
  if (!error) return null;
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (typeof code === 'string') return code;
  return error.networkError ? 'NETWORK' : 'UNKNOWN';
}

/** One refused field as the API names it (extensions.fields): "website", "company.name", "delegates.0.email". */
export interface FieldProblem {
  field: string;
  constraint?: string;
  message: string;
}

/** The refused fields of the first GraphQL error, if the API named any. */
export function fieldProblems(error: { graphQLErrors: { extensions?: Record<string, unknown> }[] } | undefined): FieldProblem[] {
  const fields = error?.graphQLErrors[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((item): item is FieldProblem => typeof item === 'object' && item !== null && typeof (item as FieldProblem).field === 'string');
}
