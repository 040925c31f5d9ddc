import fc from 'fast-check';
import { assignMinCost } from './assignment';
import { MinCostFlow } from './min-cost-flow';

function bruteForce(matrix: number[][]): number {
  const n = matrix.length;
  const m = matrix[0].length;
  let best = Infinity;
  const used = new Array(m).fill(false);
  const go = (row: number, total: number) => {
    if (row === n) return void (best = Math.min(best, total));
    for (let j = 0; j < m; j++) {
      if (!used[j] && matrix[row][j] !== Infinity) {
        used[j] = true;
        go(row + 1, total + matrix[row][j]);
        used[j] = false;
      }
    }
  };
  go(0, 0);
  return best;
}

describe('assignMinCost (Hungarian method)', () => {
  it('matches brute force on random matrices, forbidden cells included', () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 }))
      .chain(([n, extra]) =>
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity)), { minLength: n + extra, maxLength: n + extra }), {
          minLength: n,
          maxLength: n,
        }),
      );
    fc.assert(
      fc.property(matrix, (rows) => {
        const expected = bruteForce(rows);
        const result = assignMinCost(rows.length, rows[0].length, (i, j) => rows[i][j]);
        if (expected === Infinity) expect(result).toBeNull();
        else expect(result!.total).toBe(expected);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('MinCostFlow', () => {
  it('finds the maximum-weight matching of a small bipartite graph', () => {
    // Left 0,1 → right 2,3; weights: 0-2: 5, 0-3: 4, 1-2: 4, 1-3: 1. Best: 0-3 + 1-2 = 8.
    const flow = new MinCostFlow(6);
    const source = 4;
    const sink = 5;
    flow.addArc(source, 0, 1, 0);
    flow.addArc(source, 1, 1, 0);
    flow.addArc(2, sink, 1, 0);
    flow.addArc(3, sink, 1, 0);
    const arcs = [flow.addArc(0, 2, 1, -5), flow.addArc(0, 3, 1, -4), flow.addArc(1, 2, 1, -4), flow.addArc(1, 3, 1, -1)];
    const potentials = new Float64Array([0, 0, -5, -4, 0, -5]);
    expect(flow.solve(source, sink, potentials, { stopAtNonNegative: true })).toBe(-8);
    expect(arcs.map((arc) => flow.flowOn(arc))).toEqual([0, 1, 1, 0]);
  });
});
