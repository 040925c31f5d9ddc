/** Replaces (or appends) the section of docs/benchmarks.md between markers for one benchmark. */
export function replaceSection(document: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const base = document.trim() ? document : '# Benchmarks\n\nEvery figure here was produced by the command named above its table, on the machine named there.\n';
  const from = base.indexOf(start);
  const to = base.indexOf(end);
  if (from !== -1 && to !== -1) return `${base.slice(0, from)}${block}${base.slice(to + end.length)}`;
  return `${base.trimEnd()}\n\n## ${name}\n\n${block}\n`;
}
