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
