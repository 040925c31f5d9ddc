import { smt2ToCnf } from './pb-cnf';

/** Satisfiable? A small DPLL (unit propagation, then branching), enough for the models below. */
function satisfiable(cnf: number[][], fixed: number[]): boolean {
  const clauses = [...cnf, ...fixed.map((literal) => [literal])];
  const assigned = new Map<number, boolean>();
  const set = (literal: number) => assigned.set(Math.abs(literal), literal > 0);
  const search = (): boolean => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const clause of clauses) {
        let open = 0;
        let last = 0;
        let satisfied = false;
        for (const literal of clause) {
          const value = assigned.get(Math.abs(literal));
          if (value === undefined) {
            open++;
            last = literal;
          } else if (value === literal > 0) satisfied = true;
        }
        if (satisfied) continue;
        if (open === 0) return false;
        if (open === 1) {
          set(last);
          changed = true;
        }
      }
    }
    const free = clauses.flat().find((literal) => !assigned.has(Math.abs(literal)));
    if (free === undefined) return true;
    const saved = new Map(assigned);
    for (const value of [true, false]) {
      set(value ? Math.abs(free) : -Math.abs(free));
      if (search()) return true;
      assigned.clear();
      saved.forEach((v, k) => assigned.set(k, v));
    }
    return false;
  };
  return search();
}

function clausesOf(flat: Int32Array): number[][] {
  const clauses: number[][] = [[]];
  for (const literal of flat) {
    if (literal === 0) clauses.push([]);
    else clauses[clauses.length - 1].push(literal);
  }
  return clauses.slice(0, -1);
}

/** A random model over x0…x(n−1) in the forms the breaks model uses, and its meaning as a function. */
function randomModel(seed: number) {
  let state = seed;
  const random = (k: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % k);
  const n = 5 + random(3);
  const names = Array.from({ length: n }, (_, i) => `x${i}`);
  const lines = names.map((name) => `(declare-const ${name} Bool)`);
  const checks: ((v: boolean[]) => boolean)[] = [];
  const soft: number[] = [];
  const pick = () => {
    const chosen = names.map((_, i) => i).filter(() => random(2) === 0);
    return chosen.length > 0 ? chosen : [random(n)];
  };
  const count = (v: boolean[], terms: number[]) => terms.filter((i) => v[i]).length;
  for (let c = 0; c < 4; c++) {
    const terms = pick();
    const k = random(terms.length + 1);
    const names_ = terms.map((i) => names[i]).join(' ');
    switch (random(5)) {
      case 0:
        lines.push(`(assert ((_ at-most ${k}) ${names_}))`);
        checks.push((v) => count(v, terms) <= k);
        break;
      case 1:
        lines.push(`(assert ((_ pbeq ${k} ${terms.map(() => 1).join(' ')}) ${names_}))`);
        checks.push((v) => count(v, terms) === k);
        break;
      case 2: {
        const x = random(n);
        lines.push(`(assert (= ${names[x]} (or ${names_})))`);
        checks.push((v) => v[x] === count(v, terms) > 0);
        break;
      }
      case 3: {
        const [head, ...rest] = terms;
        lines.push(`(assert (=> (and ${rest.map((i) => `(not ${names[i]})`).join(' ')} true) ${names[head]}))`);
        checks.push((v) => rest.some((i) => v[i]) || v[head]);
        break;
      }
      default: {
        const x = random(n);
        soft.push(x);
        lines.push(`(assert-soft (not ${names[x]}) :weight 1)`);
      }
    }
  }
  return { n, smt2: lines.join('\n'), holds: (v: boolean[]) => checks.every((check) => check(v)), violated: (v: boolean[]) => soft.filter((x) => v[x]).length, softCount: soft.length };
}

describe('smt2ToCnf', () => {
  it('keeps exactly the assignments the model allows, and counts violated soft assertions (random models, every assignment)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const model = randomModel(seed);
      const cnf = smt2ToCnf(model.smt2, model.softCount + 1);
      const clauses = clausesOf(cnf.clauses);
      for (let bits = 0; bits < 2 ** model.n; bits++) {
        const values = Array.from({ length: model.n }, (_, i) => ((bits >> i) & 1) === 1);
        const fixed = values.map((value, i) => (value ? 1 : -1) * cnf.variables.get(`x${i}`)!);
        expect([seed, bits, satisfiable(clauses, fixed)]).toEqual([seed, bits, model.holds(values)]);
        if (!model.holds(values)) continue;
        // "At most b violated" (the negation of violations[b] assumed) holds exactly when b is at least the count.
        for (let b = 0; b < cnf.violations.length; b++) {
          expect([seed, bits, b, satisfiable(clauses, [...fixed, -cnf.violations[b]])]).toEqual([seed, bits, b, model.violated(values) <= b]);
        }
      }
    }
  });

  it('refuses what it cannot read, by its text', () => {
    expect(() => smt2ToCnf('(declare-const x Bool)\n(assert (xor x x))', 1)).toThrow('not a literal: (xor x x)');
    expect(() => smt2ToCnf('(declare-const x Int)', 1)).toThrow('unsupported: (declare-const x Int)');
    expect(() => smt2ToCnf('(assert y)', 1)).toThrow('undeclared y');
    expect(() => smt2ToCnf('(declare-const x Bool)\n(assert ((_ pbeq 1 2) x))', 1)).toThrow('weighted pbeq');
    expect(() => smt2ToCnf('(declare-const x Bool)\n(assert-soft (not x) :weight 2)', 1)).toThrow('unsupported');
    expect(() => smt2ToCnf('(assert (x)', 1)).toThrow('unbalanced (');
  });

  it('answers a count that cannot be met by an empty clause', () => {
    const cnf = smt2ToCnf('(declare-const x Bool)\n(assert ((_ pbeq 2 1) x))', 0);
    expect(satisfiable(clausesOf(cnf.clauses), [])).toBe(false);
  });
});
