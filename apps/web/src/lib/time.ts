/** Formatting of instants for the reader: always with an explicit time zone, never the machine's by accident. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone, ...options });
    formatters.set(key, format);
  }
  return format;
}

/** 09:00 on the given clock (24-hour in every language: what forum programmes print). */
export function clockTime(instant: string | Date, language: string, timeZone: string): string {
  return formatter(language, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** Monday, 10 June 2024 (in the reader's language) on the given clock. */
export function longDate(instant: string | Date, language: string, timeZone: string): string {
  return formatter(language, timeZone, { dateStyle: 'full' }).format(new Date(instant));
}

/** 2024-06-10 on the given clock: a key to group by day. */
export function dayKey(instant: string | Date, timeZone: string): string {
  return formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The zone this browser shows times in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether two zones show the same wall clock at this instant (then one clock is enough). */
export function sameClock(instant: string | Date, a: string, b: string): boolean {
  return clockTime(instant, 'en', a) === clockTime(instant, 'en', b) && dayKey(instant, a) === dayKey(instant, b);
}

function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter('en-US', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock date and time on a named clock as RFC 3339 with that clock's
 * offset ("2024-11-20", "09:00", "Asia/Ho_Chi_Minh" → "2024-11-20T09:00:00+07:00"),
 * what the API takes for sessions. Null when the date or time is not one.
 */
export function wallClockToIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // The offset at the guessed instant, corrected once (right across a change of offset too).
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Items with a start (slots, sessions), grouped by calendar day on the given clock, in their order. */
export function groupByDay<T extends { startsAt: string | Date }>(items: readonly T[], timeZone: string): T[][] {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const key = dayKey(item.startsAt, timeZone);
    const day = days.get(key);
    if (day) day.push(item);
    else days.set(key, [item]);
  }
  return [...days.values()];
}
