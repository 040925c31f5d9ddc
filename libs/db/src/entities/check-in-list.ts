/** The SQL of a check constraint that keeps `column` within `values`, from the same `as const` list the code and GraphQL use. */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
