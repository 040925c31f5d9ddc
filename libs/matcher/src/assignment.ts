/**
 * Minimum-cost assignment of n rows to distinct columns of an n × m cost
 * matrix (n ≤ m), by the Hungarian method with potentials, O(n²m).
 * `cost(i, j)` may be Infinity for a forbidden pair. Returns the column of
 * each row and the total, or null when no finite assignment exists.
 */
export function assignMinCost(
  n: number,
  m: number,
  cost: (row: number, column: number) => number,
): { columnOf: Int32Array; total: number } | null {
  const INF = Number.POSITIVE_INFINITY;
  const BIG = 1e12;
  const scratch = scratchFor(n, m);
  const { u, v, rowOfColumn, way, minv, used } = scratch;
  u.fill(0, 0, n + 1);
  v.fill(0, 0, m + 1);
  rowOfColumn.fill(0, 0, m + 1);
  // The matrix, each cell asked once (the method reads each many times), 1-based as below.
  const matrix = scratch.matrix;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const value = cost(i - 1, j - 1);
      matrix[i * (m + 1) + j] = value === INF ? BIG : value;
    }
  }
  for (let i = 1; i <= n; i++) {
    rowOfColumn[0] = i;
    let j0 = 0;
    minv.fill(INF, 0, m + 1);
    used.fill(0, 0, m + 1);
    do {
      used[j0] = 1;
      const i0 = rowOfColumn[j0];
      const row = i0 * (m + 1);
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const current = matrix[row + j] - u[i0] - v[j];
        if (current < minv[j]) {
          minv[j] = current;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOfColumn[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (rowOfColumn[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOfColumn[j0] = rowOfColumn[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOf = new Int32Array(n);
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (rowOfColumn[j] !== 0) {
      const i = rowOfColumn[j] - 1;
      columnOf[i] = j - 1;
      const value = matrix[(i + 1) * (m + 1) + j];
      if (value === BIG) return null;
      total += value;
    }
  }
  return { columnOf, total };
}

interface Scratch {
  u: Float64Array;
  v: Float64Array;
  rowOfColumn: Int32Array;
  way: Int32Array;
  minv: Float64Array;
  used: Uint8Array;
  matrix: Float64Array;
}

let scratch: Scratch | null = null;

/**
 * Work arrays for an n × m assignment, kept between calls (moves solve thousands of small ones a second).
 * One set per thread: assignMinCost must not be called from inside its own `cost` callback.
 */
function scratchFor(n: number, m: number): Scratch {
  if (!scratch || scratch.u.length < n + 1 || scratch.v.length < m + 1 || scratch.matrix.length < (n + 1) * (m + 1)) {
    const rows = Math.max(n + 1, scratch?.u.length ?? 0);
    const columns = Math.max(m + 1, scratch?.v.length ?? 0);
    scratch = {
      u: new Float64Array(rows),
      v: new Float64Array(columns),
      rowOfColumn: new Int32Array(columns),
      way: new Int32Array(columns),
      minv: new Float64Array(columns),
      used: new Uint8Array(columns),
      matrix: new Float64Array(rows * columns),
    };
  }
  return scratch;
}
