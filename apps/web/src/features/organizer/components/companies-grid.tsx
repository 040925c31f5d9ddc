import { Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleForumQuery } from '../../../gql/graphql';
import { groupByDay } from '../../../lib/time';
import type { GridMeeting } from '../schedule-grid-model';
import { DayGrid } from './day-grid';

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
        <DayGrid key={slots[0].id} slots={slots} timeZone={forum.timeZone} language={language} corner={t('registrations.company')} className="schedule-grid companies-grid" label={t('grid.byCompany')} testId="companies-grid" interactive={false}>
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
        </DayGrid>
      ))}
    </>
  );
}
