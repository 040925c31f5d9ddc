/**
 * Minimum-cost flow by the primal–dual method: Dijkstra on reduced costs finds
 * the shortest augmenting distance, then a blocking flow (Dinic) pushes every
 * augmenting path of that length at once. With integer-like weights the number
 * of phases is small, so max-weight b-matchings of 100,000 pairs solve in seconds.
 *
 * Arc costs may be negative as long as the initial graph has no negative cycle;
 * `initialPotentials` must then give reduced costs ≥ 0 (e.g. distances on a DAG).
 */
export class MinCostFlow {
  private readonly head: Int32Array;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private arcCount = 0;

  constructor(
    readonly nodeCount: number,
    expectedArcs = 16,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
    const size = Math.max(2, expectedArcs * 2);
    this.to = new Int32Array(size);
    this.next = new Int32Array(size);
    this.cap = new Float64Array(size);
    this.cost = new Float64Array(size);
  }

  /** Adds an arc and its residual twin; returns the arc's id (its flow is `flowOn(id)`). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.arcCount + 2 > this.to.length) this.grow();
    const id = this.arcCount;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  flowOn(arc: number): number {
    return this.cap[arc ^ 1];
  }

  /**
   * Sends flow from `source` to `sink` while the cheapest augmenting path has
   * negative cost (a max-weight flow when costs are negated weights), or, with
   * `untilCost: Infinity`, while any path exists. Returns the total cost.
   */
  solve(
    source: number,
    sink: number,
    potentials: Float64Array,
    options: { stopAtNonNegative: boolean; onPhase?: () => void },
  ): number {
    const n = this.nodeCount;
    const eps = 1e-9;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const heap = new BinaryHeap(n);
    let totalCost = 0;

    for (;;) {
      // Dijkstra on reduced costs.
      dist.fill(Infinity);
      dist[source] = 0;
      heap.clear();
      heap.push(source, 0);
      while (heap.size > 0) {
        const u = heap.pop();
        const du = dist[u];
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] <= eps) continue;
          const v = this.to[e];
          const nd = du + this.cost[e] + potentials[u] - potentials[v];
          if (nd < dist[v] - eps) {
            dist[v] = nd;
            heap.pushOrDecrease(v, nd);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      for (let v = 0; v < n; v++) if (dist[v] !== Infinity) potentials[v] += dist[v];
      const pathCost = potentials[sink] - potentials[source];
      if (options.stopAtNonNegative && pathCost >= -eps) break;

      // Blocking flow on arcs of zero reduced cost (Dinic levels keep it acyclic).
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        const queue = [source];
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi];
          for (let e = this.head[u]; e !== -1; e = this.next[e]) {
            const v = this.to[e];
            if (level[v] === -1 && this.cap[e] > eps && Math.abs(this.cost[e] + potentials[u] - potentials[v]) <= eps) {
              level[v] = level[u] + 1;
              queue.push(v);
            }
          }
        }
        if (level[sink] === -1) break;
        current.set(this.head);
        let pushed: number;
        while ((pushed = this.augment(source, sink, Infinity, level, current, potentials)) > eps) {
          totalCost += pushed * pathCost;
        }
      }
      options.onPhase?.();
    }
    return totalCost;
  }

  private augment(
    u: number,
    sink: number,
    limit: number,
    level: Int32Array,
    current: Int32Array,
    potentials: Float64Array,
  ): number {
    if (u === sink) return limit;
    // Iterative DFS would avoid deep recursion; paths here are at most 5 arcs long.
    for (let e = current[u]; e !== -1; e = this.next[e], current[u] = e) {
      const v = this.to[e];
      if (
        this.cap[e] > 1e-9 &&
        level[v] === level[u] + 1 &&
        Math.abs(this.cost[e] + potentials[u] - potentials[v]) <= 1e-9
      ) {
        const pushed = this.augment(v, sink, Math.min(limit, this.cap[e]), level, current, potentials);
        if (pushed > 1e-9) {
          this.cap[e] -= pushed;
          this.cap[e ^ 1] += pushed;
          return pushed;
        }
      }
    }
    current[u] = -1;
    return 0;
  }

  private push(from: number, to: number, capacity: number, cost: number) {
    const id = this.arcCount++;
    this.to[id] = to;
    this.cap[id] = capacity;
    this.cost[id] = cost;
    this.next[id] = this.head[from];
    this.head[from] = id;
  }

  private grow() {
    const size = this.to.length * 2;
    const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(size);
      bigger.set(array);
      return bigger;
    };
    this.to = grow(this.to, (n) => new Int32Array(n));
    this.next = grow(this.next, (n) => new Int32Array(n));
    this.cap = grow(this.cap, (n) => new Float64Array(n));
    this.cost = grow(this.cost, (n) => new Float64Array(n));
  }
}

/** Indexed binary min-heap over node ids with decrease-key. */
class BinaryHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  clear() {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]] = -1;
    this.size = 0;
  }

  push(node: number, key: number) {
    this.pushOrDecrease(node, key);
  }

  pushOrDecrease(node: number, key: number) {
    let i = this.position[node];
    if (i === -1) {
      i = this.size++;
      this.nodes[i] = node;
      this.position[node] = i;
    }
    this.keys[node] = key;
    this.siftUp(i);
  }

  pop(): number {
    const top = this.nodes[0];
    this.position[top] = -1;
    this.size--;
    if (this.size > 0) {
      const last = this.nodes[this.size];
      this.nodes[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number) {
    const node = this.nodes[i];
    const key = this.keys[node];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.nodes[parent];
      if (this.keys[p] <= key) break;
      this.nodes[i] = p;
      this.position[p] = i;
      i = parent;
    }
    this.nodes[i] = node;
    this.position[node] = i;
  }

  private siftDown(i: number) {
    const node = this.nodes[i];
    const key = this.keys[node];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[this.nodes[child + 1]] < this.keys[this.nodes[child]]) child++;
      const c = this.nodes[child];
      if (this.keys[c] >= key) break;
      this.nodes[i] = c;
      this.position[c] = i;
      i = child;
    }
    this.nodes[i] = node;
    this.position[node] = i;
  }
}
