import { describe, expect, it } from 'vitest';
import { compareSchedules, GridModel, type GridMeeting } from './schedule-grid-model';

const vn = { id: 'vn', name: 'VinaTech', languages: ['vi', 'en'] };
const kr = { id: 'kr', name: 'Seoul AI', languages: ['ko'] };
const kr2 = { id: 'kr2', name: 'Busan Chips', languages: ['ko', 'en'] };
const vn2 = { id: 'vn2', name: 'Hanoi Cloud', languages: ['vi'] };
const tables = new Map([
  ['t1', { id: 't1', label: 'T01', interpreter: true }],
  ['t2', { id: 't2', label: 'T02', interpreter: false }],
]);
const meetings: GridMeeting[] = [
  { id: 'm1', pinned: false, slotId: 's1', tableId: 't1', companies: [vn, kr] },
  { id: 'm2', pinned: false, slotId: 's2', tableId: 't2', companies: [vn2, kr2] },
];

describe('where a meeting may move', () => {
  const grid = new GridModel(meetings, tables, new Map([['kr', new Set(['s3'])]]));

  it('allows a free interpreter table when the pair shares no language', () => {
    expect(grid.refusal(meetings[0], 's2', 't1')).toBeNull();
  });

  it('says why not: the same place, a table taken, a company busy or away, no interpreter', () => {
    expect(grid.refusal(meetings[0], 's1', 't1')).toEqual({ reason: 'SAME_PLACE' });
    expect(grid.refusal(meetings[0], 's2', 't2')).toEqual({ reason: 'TABLE_TAKEN', table: 'T02' });
    expect(grid.refusal(meetings[1], 's3', 't1')).toBeNull();
    expect(grid.refusal({ ...meetings[1], companies: [vn2, kr] }, 's1', 't2')).toEqual({ reason: 'COMPANY_BUSY', company: 'Seoul AI' });
    expect(grid.refusal(meetings[0], 's3', 't1')).toEqual({ reason: 'COMPANY_UNAVAILABLE', company: 'Seoul AI' });
    expect(grid.refusal(meetings[0], 's4', 't2')).toEqual({ reason: 'NEEDS_INTERPRETER', table: 'T02' });
  });
});

describe('a draft against the published schedule', () => {
  it('counts meetings added, moved and removed, and the companies whose agenda changes', () => {
    const draft: GridMeeting[] = [
      { ...meetings[0], id: 'x1', slotId: 's5' },
      { id: 'x3', pinned: false, slotId: 's1', tableId: 't2', companies: [vn2, kr] },
    ];
    expect(compareSchedules(draft, meetings)).toEqual({ added: 1, moved: 1, removed: 1, companies: 4 });
    expect(compareSchedules(meetings, meetings)).toEqual({ added: 0, moved: 0, removed: 0, companies: 0 });
  });
});
