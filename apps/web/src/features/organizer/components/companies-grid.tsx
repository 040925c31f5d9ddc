import { Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleForumQuery } from '../../../gql/graphql';
import { clockTime, groupByDay, longDate } from '../../../lib/time';
import type { GridMeeting } from '../schedule-grid-model';

type Forum = ScheduleForumQuery['forum'];

/**
 * The second view of a schedule: companies down, slots across — who meets whom
 * at which table, who waits where (a free slot between two meetings), and when
 * a company said it cannot meet.
 */
export function CompaniesGrid({ forum, registrations, meetings }: { forum: Forum; registrations: ScheduleForumQuery['registrations']; meetings: GridMeeting[] }) {
  const { t, i18n } = useTranslation('organizer');
  const language = i18n.language;
  const [search, setSearch] = useState('');
  const tables = useMemo(() => new Map(forum.tables.map((table) => [table.id, table])), [forum.tables]);
  const byCompanySlot = useMemo(() => {
    const map = new Map<string, GridMeeting>();
    for (const meeting of meetings) for (const company of meeting.companies) map.set(`${company.id}|${meeting.slotId}`, meeting);
    return map;
  }, [meetings]);
  const days = useMemo(() => groupByDay(forum.slots, forum.timeZone), [forum.slots, forum.timeZone]);
  const query = search.trim().toLowerCase();
  const companies = registrations
    .filter((registration) => registration.company && (!query || registration.company.name.toLowerCase().includes(query)))
    .sort((x, y) => x.company!.name.localeCompare(y.company!.name));
  return (
    <>
      <TextInput label={t('grid.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} mb="xs" />
      {days.map((slots) => (
        <div key={slots[0].id}>
          <Title order={3} size="h5" mb={4}>
            {longDate(slots[0].startsAt, language, forum.timeZone)}
          </Title>
          {/* Focusable, so that the keyboard scrolls it too. */}
          <div tabIndex={0} role="region" aria-label={t('grid.byCompany')} style={{ overflowX: 'auto', maxHeight: '70vh', overflowY: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
            <table className="schedule-grid companies-grid" aria-label={`${t('grid.byCompany')} — ${longDate(slots[0].startsAt, language, forum.timeZone)}`} data-testid="companies-grid">
              <thead>
                <tr>
                  <th scope="col" className="corner">
                    {t('registrations.company')}
                  </th>
                  {slots.map((slot) => (
                    <th scope="col" key={slot.id}>
                      {clockTime(slot.startsAt, language, forum.timeZone)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {companies.map((registration) => {
                  const unavailable = new Set(registration.unavailableSlotIds);
                  const busy = slots.map((slot) => byCompanySlot.has(`${registration.companyId}|${slot.id}`));
                  const first = busy.indexOf(true);
                  const last = busy.lastIndexOf(true);
                  return (
                    <tr key={registration.companyId} data-testid="company-row">
                      <th scope="row">{registration.company!.name}</th>
                      {slots.map((slot, i) => {
                        const meeting = byCompanySlot.get(`${registration.companyId}|${slot.id}`);
                        if (meeting) {
                          const other = meeting.companies.find((company) => company.id !== registration.companyId);
                          return (
                            <td key={slot.id} data-kind="meeting">
                              <span className="meeting-card" style={{ cursor: 'default' }}>
                                <span>{other?.name}</span>
                                <span>{tables.get(meeting.tableId)?.label}</span>
                              </span>
                            </td>
                          );
                        }
                        if (unavailable.has(slot.id)) {
                          return (
                            <td key={slot.id} data-kind="away" className="away">
                              <Text size="xs">{t('grid.away')}</Text>
                            </td>
                          );
                        }
                        // Between two of its meetings on this day: it waits.
                        const waiting = first >= 0 && i > first && i < last;
                        return (
                          <td key={slot.id} data-kind={waiting ? 'waiting' : 'free'} className={waiting ? 'waiting' : undefined}>
                            {waiting && <Text size="xs">{t('grid.waiting')}</Text>}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}
