import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { LRUCache } from 'lru-cache';
import { exportsT, type Language } from '@forum/common';
import type { AgendaEntry, AgendaForum } from '../agenda.query';

/**
 * One VEVENT per meeting. Every time is written in UTC with its Z (DTSTART,
 * DTEND, DTSTAMP), which every calendar client turns into the right instant
 * wherever it is. (ical-generator's TZID output formats a plain Date on the
 * server's own clock, which is exactly the shift this avoids.) The UID
 * belongs to the pair of companies, so a meeting keeps its event across
 * schedule versions; SEQUENCE rises when it moves.
 */
export function agendaCalendar(forum: AgendaForum, entries: readonly AgendaEntry[], language: Language): string {
  // Keyed by everything the text is made from, so an entry is never stale; it saves ical-generator's work when
  // the same agenda is fetched again (calendar apps poll). DTSTAMP is when this text was first made.
  const key = createHash('sha256').update(JSON.stringify([language, forum.id, forum.name, forum.venue, entries])).digest('base64url');
  let text = rendered.get(key);
  if (!text) {
    text = render(forum, entries, language, new Date());
    rendered.set(key, text);
  }
  return text;
}

const rendered = new LRUCache<string, string>({ max: 2_000, maxSize: 50_000_000, sizeCalculation: (text) => text.length || 1 });

function render(forum: AgendaForum, entries: readonly AgendaEntry[], language: Language, stamp: Date): string {
  const t = exportsT(language);
  const calendar = ical({
    name: forum.name,
    prodId: { company: 'Forum Matchmaker', product: 'agenda', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const entry of entries) {
    const table = `${t('table', { label: entry.table.label })}${entry.table.interpreter ? ` (${t('interpreter')})` : ''}`;
    calendar.createEvent({
      id: `${forum.id}.${entry.companyAId}.${entry.companyBId}@forum-matchmaker`,
      sequence: entry.sequence,
      stamp,
      start: entry.slot.startsAt,
      end: entry.slot.endsAt,
      summary: t('meetingWith', { company: entry.counterpart.name }),
      location: `${table}${forum.venue ? `, ${forum.venue}` : ''}`,
      description: [
        `${entry.counterpart.name} (${entry.counterpart.country})`,
        entry.counterpartDelegates.length ? t('delegates', { names: entry.counterpartDelegates.map((d) => d.name).join(', ') }) : '',
        entry.table.interpreter ? t('interpreterNote') : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return calendar.toString();
}
