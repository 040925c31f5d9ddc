import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../src/auth/auth.service';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POST /graphql as a client would, with an optional bearer token. */
export async function gql<T = Record<string, unknown>>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResponse<T>> {
  const call = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  return { status: response.status, data: response.body.data ?? undefined, errors: response.body.errors };
}

/** The error code of the first error, failing loudly when the call unexpectedly succeeded. */
export function codeOf(response: GraphqlResponse): string {
  if (!response.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return response.errors[0].extensions?.code ?? 'NO_CODE';
}

/** Fails with the server's error messages when a call that should work did not. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export async function createOrganizer(app: INestApplication, email: string, password: string) {
  return app.get(AuthService).createOrganizer(email, password, 'Organizer');
}

/** Generates a schedule of a forum whose requests are closed, waits for it, and publishes it. */
export async function scheduleAndPublish(app: INestApplication, forumId: string, organizer: string): Promise<string> {
  const run = ok(await gql<{ generateSchedule: { id: string } }>(app, 'mutation ($f: ID!) { generateSchedule(forumId: $f) { id } }', { f: forumId }, organizer)).generateSchedule.id;
  for (let i = 0; ; i++) {
    const { scheduleRun } = ok(await gql<{ scheduleRun: { status: string } }>(app, 'query ($id: ID!) { scheduleRun(id: $id) { status } }', { id: run }, organizer));
    if (scheduleRun.status === 'SUCCEEDED') break;
    if (i > 2400 || (scheduleRun.status !== 'QUEUED' && scheduleRun.status !== 'RUNNING')) throw new Error(`schedule run ${run} ended ${scheduleRun.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  ok(await gql(app, 'mutation ($id: ID!) { publishSchedule(runId: $id) { version } }', { id: run }, organizer));
  return run;
}
