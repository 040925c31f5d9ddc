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
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfColumn = new Int32Array(m + 1); // 0 = free; rows are 1-based here
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  const c = (i: number, j: number) => {
    const value = cost(i - 1, j - 1);
    return value === INF ? BIG : value;
  };
  for (let i = 1; i <= n; i++) {
    rowOfColumn[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfColumn[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const current = c(i0, j) - u[i0] - v[j];
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
      const value = cost(i, j - 1);
      if (value === INF) return null;
      total += value;
    }
  }
  return { columnOf, total };
}
