import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** RFC 3339 date-time with its offset: 2024-06-10T09:00:00+07:00, 2024-06-10T02:00:00Z. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

/**
 * Reads an instant strictly: a date that does not exist (2024-02-30) is
 * refused rather than rolled over, and a time without an offset is refused
 * rather than read in whatever zone the server happens to run in.
 */
export function parseInstant(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('DateTime must be a string such as 2024-06-10T09:00:00+07:00');
  const match = RFC3339.exec(value);
  if (!match) {
    throw new GraphQLError(`${JSON.stringify(value).slice(0, 60)} is not a date-time with an offset, e.g. 2024-06-10T09:00:00+07:00 or 2024-06-10T02:00:00Z`);
  }
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) {
    throw new GraphQLError(`${value} is not a date: ${year}-${month} has no day ${Number(day)}`);
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || Number(offsetHours) > 23 || Number(offsetMinutes) > 59) {
    throw new GraphQLError(`${value} is not a valid time of day`);
  }
  return new Date(value);
}

const RECENT = 512;
const recentTimes = new Float64Array(RECENT).fill(Number.NaN);
const recentIsos: string[] = new Array<string>(RECENT).fill('');

/**
 * `new Date(time).toISOString()`, remembered for recent instants: every agenda
 * of a forum repeats the same slot times (toISOString was 2 % of an agenda's
 * CPU). A direct-mapped cache keyed by the time value itself, so it cannot
 * answer for another instant, whatever happens to the Date objects.
 */
export function isoOf(time: number): string {
  const index = Math.floor(time / 60_000) & (RECENT - 1);
  if (recentTimes[index] === time) return recentIsos[index];
  const iso = new Date(time).toISOString();
  recentTimes[index] = time;
  recentIsos[index] = iso;
  return iso;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as RFC 3339 with its offset, e.g. 2024-06-10T09:00:00+07:00; answers are in UTC (…Z).',
  serialize(value) {
    const time = (value instanceof Date ? value : new Date(value as string)).getTime();
    if (Number.isNaN(time)) throw new GraphQLError('DateTime cannot represent an invalid date');
    return isoOf(time);
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string such as 2024-06-10T09:00:00+07:00');
    return parseInstant(ast.value);
  },
});
