/** The rows of an UPDATE … RETURNING run through `query()` (TypeORM answers `[rows, count]` for UPDATE and DELETE on PostgreSQL). */
export function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}
