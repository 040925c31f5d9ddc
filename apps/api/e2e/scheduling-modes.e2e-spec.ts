import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { redisConnectionOptions, SCHEDULING_QUEUE, ScheduleForumJobResult } from '@forum/common';
import { Forum, User } from '@forum/db';
import { InProcessSchedulingDispatcher } from '../src/scheduling/in-process-scheduling.dispatcher';
import { SchedulingDispatcher } from '../src/scheduling/scheduling-dispatcher';
import { RunningProcess, startProcess, WORKER_MAIN } from './support/processes';
import { startTestApi, TEST_REDIS_URL, TestApi, uniqueQueuePrefix } from './support/test-api';

async function insertForum(api: TestApi, name: string): Promise<Forum> {
  const dataSource = api.app.get(DataSource);
  const organizer = await dataSource.getRepository(User).save({
    email: `organizer-${randomUUID()}@example.com`,
    passwordHash: 'not-used',
    name: 'Organizer',
    role: 'ORGANIZER',
  });
  return dataSource.getRepository(Forum).save({
    organizerId: organizer.id,
    name,
    timeZone: 'Asia/Ho_Chi_Minh',
    sides: ['KR', 'VN'],
    slotMinutes: 30,
    maxMeetingsPerCompany: 8,
  });
}

describe('scheduling through Redis to the worker app (separate process)', () => {
  const queuePrefix = uniqueQueuePrefix();
  let api: TestApi;
  let worker: RunningProcess;
  let events: QueueEvents;
  const heartbeatFile = join(mkdtempSync(join(tmpdir(), 'fm-heartbeat-')), 'heartbeat');

  beforeAll(async () => {
    api = await startTestApi({ redisUrl: TEST_REDIS_URL, queuePrefix });
    worker = startProcess(WORKER_MAIN, [], {
      NODE_ENV: 'test',
      DATABASE_URL: api.database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: api.config.dataDir,
      WORKER_HEARTBEAT_FILE: heartbeatFile,
    });
    await worker.waitFor(/Worker ready/);
    events = new QueueEvents(SCHEDULING_QUEUE, { connection: redisConnectionOptions(TEST_REDIS_URL), prefix: queuePrefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await worker?.stop();
    await api?.close();
  });

  it('runs a job in the worker process and reports its progress', async () => {
    const forum = await insertForum(api, 'Korea–Vietnam ICT Forum Da Nang');
    const jobId = randomUUID();
    const progress: unknown[] = [];
    events.on('progress', ({ jobId: id, data }) => id === jobId && progress.push(data));

    const queue = api.app.get(SchedulingDispatcher);
    await queue.dispatch({ forumId: forum.id }, jobId);
    const job = await Job.fromId(api.app.get<Queue>(getQueueToken(SCHEDULING_QUEUE)), jobId);
    const result: ScheduleForumJobResult = await job!.waitUntilFinished(events, 20000);

    expect(result).toEqual({ forumId: forum.id, forumName: 'Korea–Vietnam ICT Forum Da Nang', processedBy: 'worker' });
    expect(progress).toEqual([
      { phase: 'load', percent: 0 },
      { phase: 'done', percent: 100 },
    ]);
  });

  it('writes its heartbeat file while PostgreSQL and Redis answer', async () => {
    for (let i = 0; i < 50 && !existsSync(heartbeatFile); i++) await new Promise((r) => setTimeout(r, 100));
    const written = new Date(readFileSync(heartbeatFile, 'utf8')).getTime();
    expect(Date.now() - written).toBeLessThan(15000);
  });

  it('adding the same job id twice runs it once', async () => {
    const forum = await insertForum(api, 'Hanoi forum');
    const jobId = randomUUID();
    const queue = api.app.get(SchedulingDispatcher);
    // Listen before dispatching: the worker may finish the job before the second add returns.
    const completions: string[] = [];
    const completed = new Promise<void>((resolve) => {
      events.on('completed', ({ jobId: id }: { jobId: string }) => {
        if (id === jobId) {
          completions.push(id);
          resolve();
        }
      });
    });
    await queue.dispatch({ forumId: forum.id }, jobId);
    await queue.dispatch({ forumId: forum.id }, jobId);
    await completed;
    // Give a duplicate every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(completions).toHaveLength(1);
  });

  it('fails a job about an unknown forum at once, without retries', async () => {
    const jobId = randomUUID();
    const queue = api.app.get(SchedulingDispatcher);
    const failed = new Promise<string>((resolve) =>
      events.on('failed', ({ jobId: id, failedReason }) => id === jobId && resolve(failedReason)),
    );
    await queue.dispatch({ forumId: randomUUID() }, jobId);
    expect(await failed).toMatch(/does not exist/);
  });
});

describe('single-process mode (no Redis): the API runs the job itself', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(() => api?.close());

  it('runs the job through the same service and reports which process ran it', async () => {
    expect(api.runtime.schedulingMode).toBe('in-process');
    const forum = await insertForum(api, 'Da Nang forum');
    const dispatcher = api.app.get(InProcessSchedulingDispatcher);
    expect(api.app.get(SchedulingDispatcher)).toBe(dispatcher);

    const jobId = await dispatcher.dispatch({ forumId: forum.id }, randomUUID());
    await expect(dispatcher.completion(jobId)).resolves.toEqual({
      forumId: forum.id,
      forumName: 'Da Nang forum',
      processedBy: 'api',
    });
  });

  it('a failing job does not stop the next one', async () => {
    const dispatcher = api.app.get(InProcessSchedulingDispatcher);
    const forum = await insertForum(api, 'Second forum');
    const bad = await dispatcher.dispatch({ forumId: 'not-a-forum' }, randomUUID());
    const good = await dispatcher.dispatch({ forumId: forum.id }, randomUUID());
    await expect(dispatcher.completion(bad)).rejects.toThrow(/does not exist/);
    await expect(dispatcher.completion(good)).resolves.toMatchObject({ forumName: 'Second forum' });
  });
});
