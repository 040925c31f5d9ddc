import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSchedule, finishBreaks, Instance, MATCHER_FORMAT, measureSchedule, solve } from '@forum/matcher';
import { Attempt, loadMaxSatSolver } from './maxsat-solver';

const slots = (n: number) =>
  Array.from({ length: n }, (_, k) => ({ id: `s${k}`, start: `2024-06-10T${String(9 + k).padStart(2, '0')}:00:00+07:00`, end: `2024-06-10T${String(9 + k).padStart(2, '0')}:30:00+07:00` }));

// Each attempt alone (Z3 warm with RC2, Z3 ascending, CaDiCaL on the CNF), then the default pair.
describe.each<[string, Attempt[] | undefined]>([
  ['Z3 warm', ['warm']],
  ['Z3 ascending', ['ascending']],
  ['CaDiCaL', ['sat']],
  ['the default portfolio', undefined],
])('finishBreaks with %s', (_name, portfolio) => {
  const solver = loadMaxSatSolver(portfolio);

  it('re-times a schedule with an avoidable break, and proves it', async () => {
    const instance: Instance = {
      format: MATCHER_FORMAT,
      slots: slots(3),
      tables: [{ id: 'T1' }],
      companies: [{ id: 'kr1' }, { id: 'vn1' }, { id: 'vn2' }],
      pairs: [{ a: 'kr1', b: 'vn1', weight: 1 }, { a: 'kr1', b: 'vn2', weight: 1 }],
    };
    const result = solve(instance, { minimize: 'breaks', iterations: 1 });
    const withBreak = {
      ...result,
      schedule: { ...result.schedule, meetings: [{ a: 'kr1', b: 'vn1', slot: 's0', table: 'T1' }, { a: 'kr1', b: 'vn2', slot: 's2', table: 'T1' }] },
      stats: { ...result.stats, breaks: 1, holes: 1 },
    };
    const finished = await finishBreaks(instance, withBreak, solver, { timeLimitMs: 10_000 });
    expect(finished.finish.breaksStatus).toBe('OPTIMAL');
    expect(finished.stats.breaks).toBe(0);
    expect(checkSchedule(instance, finished.schedule)).toEqual([]);
    expect(measureSchedule(instance, finished.schedule).breaks).toBe(0);
  }, 30_000);

  it('proves a break that others force is unavoidable (no schedule of the meetings has fewer)', async () => {
    // kr1 alone could meet back to back, but vn1 can only at 9:00 and vn2 is held at 10:00 by a fixed meeting.
    const instance: Instance = {
      format: MATCHER_FORMAT,
      slots: slots(3),
      tables: [{ id: 'T1' }, { id: 'T2' }],
      companies: [{ id: 'kr1' }, { id: 'kr2' }, { id: 'vn1' }, { id: 'vn2' }],
      pairs: [
        { a: 'kr1', b: 'vn1', weight: 1, onlySlots: ['s0'] },
        { a: 'kr1', b: 'vn2', weight: 1, onlySlots: ['s1', 's2'] },
      ],
      fixed: [{ a: 'kr2', b: 'vn2', slot: 's1' }],
    };
    const result = solve(instance, { minimize: 'breaks', iterations: 1000 });
    expect(result.stats.breaks).toBe(1);
    const finished = await finishBreaks(instance, result, solver, { timeLimitMs: 10_000 });
    expect(finished.finish).toMatchObject({ breaksStatus: 'OPTIMAL', breaksLowerBound: 0 });
    expect(finished.schedule).toEqual(result.schedule);
  }, 30_000);

});

// A real forum: with the default pair, and with CaDiCaL alone (the other attempts are Z3 as before).
describe.each<[string, Attempt[] | undefined]>([
  ['the default portfolio', undefined],
  ['CaDiCaL', ['sat']],
])('finishBreaks on JAIR forum-13 with %s', (_name, portfolio) => {
  const solver = loadMaxSatSolver(portfolio);

  it('reaches the published optimum of a real forum (JAIR 2022 forum-13: 0 breaks) from a short search', async () => {
    const instance = JSON.parse(readFileSync(join(__dirname, '../../../bench/instances/b2b-jair/forum-13.json'), 'utf8')) as Instance;
    const result = solve(instance, { minimize: 'breaks', iterations: 20_000 });
    expect(result.stats.breaks).toBeGreaterThan(0);
    const finished = await finishBreaks(instance, result, solver, { timeLimitMs: 60_000 });
    expect(finished.finish.breaksStatus).toBe('OPTIMAL');
    expect(finished.stats.breaks).toBe(0);
    expect(finished.schedule.meetings).toHaveLength(instance.pairs.length);
    expect(checkSchedule(instance, finished.schedule)).toEqual([]);
  }, 90_000);
});
