/**
 * A pseudo-Boolean model in SMT-LIB 2, as the matcher's breaks model writes
 * it, turned into CNF for a SAT solver: DIMACS literals (variable v ≥ 1, its
 * negation −v), each clause ended by 0. Cardinality constraints become
 * totalizers (Bailleux and Boufkhad 2003), and the soft assertions one
 * totalizer more, whose outputs say "at least i + 1 are violated": assuming
 * the negation of output b asks for at most b violations, so one solver can
 * be asked for bound after bound, keeping what it learnt.
 *
 * The forms read (anything else is refused with its text):
 * `(declare-const x Bool)`, and asserted: `((_ pbeq k 1 … 1) l …)`,
 * `((_ at-most k) l …)`, `(= x l)`, `(= x (or l …))`,
 * `(=> (and l …) l)`; `(assert-soft (not x) :weight 1)`; literals `x`,
 * `(not x)`, `true`.
 */
export interface CnfModel {
  variableCount: number;
  /** Literals, each clause ended by 0. */
  clauses: Int32Array;
  /** The declared variables by name. */
  variables: Map<string, number>;
  /** violations[i]: at least i + 1 soft assertions are violated (up to the cap asked for). */
  violations: number[];
}

type Sexp = string | Sexp[];

export function smt2ToCnf(smt2: string, violationCap: number): CnfModel {
  const variables = new Map<string, number>();
  const out: number[] = [];
  let count = 0;
  const fresh = () => ++count;
  const TRUE = fresh();
  out.push(TRUE, 0);
  const clause = (...literals: number[]) => {
    for (const literal of literals) out.push(literal);
    out.push(0);
  };
  const variable = (name: string) => {
    const v = variables.get(name);
    if (v === undefined) throw new Error(`undeclared ${name}`);
    return v;
  };
  const literal = (e: Sexp): number => {
    if (e === 'true') return TRUE;
    if (typeof e === 'string') return variable(e);
    if (e.length === 2 && e[0] === 'not') return -literal(e[1]);
    throw new Error(`not a literal: ${show(e)}`);
  };

  /** Outputs o[i] ⇔ at least i + 1 of the inputs are true, for i < cap. */
  const totalizer = (inputs: number[], cap: number): number[] => {
    if (inputs.length <= 1) return inputs.slice(0, cap);
    const half = inputs.length >> 1;
    const left = totalizer(inputs.slice(0, half), cap);
    const right = totalizer(inputs.slice(half), cap);
    const outputs = Array.from({ length: Math.min(left.length + right.length, cap) }, fresh);
    for (let i = 0; i <= left.length; i++) {
      for (let j = 0; j <= right.length; j++) {
        const sum = i + j;
        // At least i left and j right: at least i + j.
        if (sum >= 1 && sum <= outputs.length) clause(outputs[sum - 1], ...(i > 0 ? [-left[i - 1]] : []), ...(j > 0 ? [-right[j - 1]] : []));
        // Fewer than i + 1 left and fewer than j + 1 right: fewer than i + j + 1.
        if (sum < outputs.length) clause(-outputs[sum], ...(i < left.length ? [left[i]] : []), ...(j < right.length ? [right[j]] : []));
      }
    }
    return outputs;
  };
  const atMost = (k: number, inputs: number[]) => {
    if (inputs.length <= k) return;
    if (k === 0) return inputs.forEach((x) => clause(-x));
    if (k === 1 && inputs.length <= 6) {
      for (let i = 0; i < inputs.length; i++) for (let j = i + 1; j < inputs.length; j++) clause(-inputs[i], -inputs[j]);
      return;
    }
    clause(-totalizer(inputs, k + 1)[k]);
  };
  const exactly = (k: number, inputs: number[]) => {
    if (k > inputs.length) return clause();
    if (k <= 1) {
      if (k === 1) clause(...inputs);
      return atMost(k, inputs);
    }
    const outputs = totalizer(inputs, k + 1);
    clause(outputs[k - 1]);
    if (outputs.length > k) clause(-outputs[k]);
  };

  const soft: number[] = [];
  const assert = (e: Sexp) => {
    if (typeof e === 'string' || e.length === 0) return clause(literal(e));
    const [head, ...args] = e;
    if (Array.isArray(head) && head[0] === '_' && head[1] === 'at-most') return atMost(whole(head[2]), args.map(literal));
    if (Array.isArray(head) && head[0] === '_' && head[1] === 'pbeq') {
      if (head.slice(3).some((coefficient) => coefficient !== '1')) throw new Error(`weighted pbeq: ${show(e)}`);
      return exactly(whole(head[2]), args.map(literal));
    }
    if (head === '=' && args.length === 2) {
      const x = literal(args[0]);
      const right = args[1];
      const terms = Array.isArray(right) && right[0] === 'or' ? right.slice(1).map(literal) : [literal(right)];
      clause(-x, ...terms);
      for (const term of terms) clause(x, -term);
      return;
    }
    if (head === '=>' && args.length === 2) {
      const conditions = Array.isArray(args[0]) && args[0][0] === 'and' ? args[0].slice(1).map(literal) : [literal(args[0])];
      return clause(...conditions.map((c) => -c), literal(args[1]));
    }
    clause(literal(e));
  };

  for (const e of parse(smt2)) {
    if (!Array.isArray(e)) throw new Error(`unexpected ${e}`);
    if (e[0] === 'declare-const' && e[2] === 'Bool' && typeof e[1] === 'string') variables.set(e[1], fresh());
    else if (e[0] === 'assert' && e.length === 2) assert(e[1]);
    else if (e[0] === 'assert-soft' && e.length === 4 && e[2] === ':weight' && e[3] === '1') soft.push(-literal(e[1]));
    else throw new Error(`unsupported: ${show(e)}`);
  }
  const violations = totalizer(soft, Math.max(0, violationCap));
  return { variableCount: count, clauses: Int32Array.from(out), variables, violations };
}

function whole(e: Sexp): number {
  const n = typeof e === 'string' ? Number(e) : NaN;
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${show(e)}`);
  return n;
}

function show(e: Sexp): string {
  return (typeof e === 'string' ? e : `(${e.map(show).join(' ')})`).slice(0, 120);
}

/** The s-expressions of the text (comments after ';' skipped). */
function parse(text: string): Sexp[] {
  const top: Sexp[] = [];
  const stack: Sexp[][] = [top];
  const token = /[()]|;[^\n]*|[^\s()]+/g;
  for (let match; (match = token.exec(text)); ) {
    const t = match[0];
    if (t === '(') {
      const list: Sexp[] = [];
      stack[stack.length - 1].push(list);
      stack.push(list);
    } else if (t === ')') {
      if (stack.length === 1) throw new Error('unbalanced )');
      stack.pop();
    } else if (t[0] !== ';') stack[stack.length - 1].push(t);
  }
  if (stack.length !== 1) throw new Error('unbalanced (');
  return top;
}
