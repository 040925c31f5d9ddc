import { DataSource } from 'typeorm';
import { ScheduleRun } from '@forum/db';
import { seedLargeForum } from '@forum/db/testing';
import { SchedulingJobService } from '@forum/scheduling';
import { createOrganizer, gql, ok } from './support/graphql';
import { startTestApi, TestApi } from './support/test-api';

/** A run survives a database or queue hiccup while it reports progress: no unhandled rejection, no lost run. */
describe('progress reports that fail during a solve', () => {
  let api: TestApi;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    api = await startTestApi();
    process.on('unhandledRejection', onUnhandled);
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await api.close();
  });

  it('finishes the run, and nothing escapes as an unhandled rejection', async () => {
    await createOrganizer(api.app, 'faults@example.com', 'faults password');
    const token = ok(await gql<{ login: { accessToken: string } }>(api.app, 'mutation { login(input: { email: "faults@example.com", password: "faults password" }) { accessToken } }')).login.accessToken;
    const dataSource = api.app.get(DataSource);
    const forumId = await seedLargeForum(dataSource, async <T>(query: string, variables: Record<string, unknown>) => ok(await gql<T>(api.app, query, variables, token)), 250);
    // Written straight to the table: this test drives the job itself, as the worker would.
    const run = await dataSource.getRepository(ScheduleRun).save({ forumId, status: 'QUEUED', phase: 'queued', progress: 0, options: { seed: 1, timeLimitMs: 3000 } });
    let failures = 0;
    const outcome = await api.app.get(SchedulingJobService).run(run.id, async ({ phase }) => {
      if (['load', 'build', 'store', 'done'].includes(phase)) return;
      failures++;
      throw new Error('the queue did not answer');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures).toBeGreaterThan(0);
    expect(outcome.status).toBe('SUCCEEDED');
    expect((await dataSource.getRepository(ScheduleRun).findOneByOrFail({ id: run.id })).status).toBe('SUCCEEDED');
    expect(unhandled).toEqual([]);
  }, 60_000);
});
