import { Alert, Badge, Button, Card, Checkbox, Group, Loader, Popover, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { FloorQuery, ProposeRefillMutation } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime, dayKey } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { DayGrid } from './day-grid';
import { OrganizerNav } from './organizer-nav';
import { TableRowHeader } from './table-row-header';

const Floor = graphql(`
  query Floor($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      timeZone
      slots {
        id
        startsAt
        endsAt
      }
      tables {
        id
        label
        interpreter
      }
    }
    registrations(forumId: $forumId) {
      companyId
      status
      side
      checkedInAt
      absentFromSlotId
      company {
        id
        name
      }
    }
    schedule(forumId: $forumId) {
      id
      version
      meetings {
        id
        attendance
        absentCompanyId
        refilled
        slot {
          id
        }
        table {
          id
        }
        companies {
          id
          name
        }
      }
    }
  }
`);

const MarkFloorAttendance = graphql(`
  mutation MarkFloorAttendance($id: ID!, $status: AttendanceStatus!, $absent: ID) {
    markAttendance(meetingId: $id, status: $status, absentCompanyId: $absent) {
      id
      attendance
      absentCompanyId
    }
  }
`);

const MarkAbsent = graphql(`
  mutation MarkAbsent($forumId: ID!, $companyId: ID!, $fromSlotId: ID!) {
    markAbsent(forumId: $forumId, companyId: $companyId, fromSlotId: $fromSlotId) {
      id
    }
  }
`);

const ProposeRefill = graphql(`
  mutation ProposeRefill($forumId: ID!, $fromSlotId: ID!) {
    proposeRefill(forumId: $forumId, fromSlotId: $fromSlotId) {
      id
      weight
      bound
      solveMs
      meetings {
        id
        weight
        reason
        requestedBy
        topics
        slot {
          id
          startsAt
        }
        table {
          id
          label
          interpreter
        }
        companies {
          id
          name
        }
      }
      unfilled {
        slot {
          id
          startsAt
        }
        company {
          id
          name
        }
      }
    }
  }
`);

const ApplyRefill = graphql(`
  mutation ApplyRefill($proposalId: ID!, $meetingIds: [ID!]) {
    applyRefill(proposalId: $proposalId, meetingIds: $meetingIds) {
      id
      version
    }
  }
`);

type FloorMeeting = NonNullable<FloorQuery['schedule']>['meetings'][number];
type Proposal = ProposeRefillMutation['proposeRefill'];

/** How often the floor view asks for the latest states (companies and floor staff mark meetings meanwhile). */
const REFRESH_MS = 10_000;

/**
 * The forum day's floor: the day's grid with each meeting's state (held,
 * no-show, re-filled, not marked yet), refreshed every few seconds; floor
 * staff mark a meeting from its cell; a company that left is marked absent
 * from a slot on, and the freed places are re-filled from a proposal the
 * organiser reviews before applying.
 */
export function FloorPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data: fresh, error }, refresh] = useQuery({ query: Floor, variables: { forumId }, requestPolicy: 'cache-and-network' });
  // A refresh that fails (network, rate limit) clears urql's data: the floor stays as last read, and the cards keep what they show.
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const data = fresh ?? last.current;
  useEffect(() => {
    const timer = window.setInterval(() => refresh({ requestPolicy: 'network-only' }), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  const language = i18n.language;
  const zone = data?.forum.timeZone ?? 'UTC';
  const days = useMemo(() => {
    const map = new Map<string, NonNullable<typeof data>['forum']['slots']>();
    for (const slot of data?.forum.slots ?? []) map.set(dayKey(slot.startsAt, zone), [...(map.get(dayKey(slot.startsAt, zone)) ?? []), slot]);
    return [...map];
  }, [data, zone]);
  const today = dayKey(new Date().toISOString(), zone);
  const [chosenDay, setDay] = useState<string | null>(null);
  const day = chosenDay ?? days.find(([key]) => key === today)?.[0] ?? days[0]?.[0] ?? null;
  const slots = days.find(([key]) => key === day)?.[1] ?? [];
  const current = slots.find((slot) => Date.parse(slot.startsAt) <= Date.now() && Date.now() < Date.parse(slot.endsAt)) ?? slots[0];
  const [chosenSlot, setSlot] = useState<string | null>(null);
  const fromSlot = slots.find((slot) => slot.id === chosenSlot) ?? current;

  if (!data) return error ? <ErrorText code={errorCode(error)} /> : <Loader role="status" aria-label={t('common:loading')} />;
  const meetings = (data.schedule?.meetings ?? []).filter((meeting) => slots.some((slot) => slot.id === meeting.slot.id));
  const counts = {
    held: meetings.filter((m) => m.attendance === 'HELD').length,
    noShow: meetings.filter((m) => m.attendance === 'NO_SHOW').length,
    refilled: meetings.filter((m) => m.refilled).length,
    open: meetings.filter((m) => !m.attendance).length,
  };
  const at = new Map(meetings.map((meeting) => [`${meeting.table.id}@${meeting.slot.id}`, meeting]));
  const time = (iso: string) => clockTime(iso, language, zone);

  return (
    <Stack gap="md">
      <OrganizerNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('floor.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('floor.intro')}
      </Text>
      <ErrorText code={errorCode(error)} />
      {!data.schedule ? (
        <Alert color="yellow">{t('floor.noSchedule')}</Alert>
      ) : (
        <>
          <Group gap="sm" align="flex-end">
            {days.length > 1 && (
              <Select label={t('floor.day')} value={day} onChange={(value) => value && (setDay(value), setSlot(null))} data={days.map(([key, daySlots]) => ({ value: key, label: new Intl.DateTimeFormat(language, { timeZone: zone, dateStyle: 'medium' }).format(new Date(daySlots[0].startsAt)) }))} allowDeselect={false} w={200} />
            )}
            <Select label={t('floor.fromSlot')} value={fromSlot?.id ?? null} onChange={setSlot} data={slots.map((slot) => ({ value: slot.id, label: time(slot.startsAt) }))} allowDeselect={false} w={140} />
            <Group gap={6} data-testid="floor-counts">
              <Badge color="teal.9" variant="outline">{t('floor.held', { count: counts.held })}</Badge>
              <Badge color="red.9" variant="outline">{t('floor.noShow', { count: counts.noShow })}</Badge>
              <Badge color="indigo.9" variant="outline">{t('floor.refilled', { count: counts.refilled })}</Badge>
              <Badge color="gray.8" variant="outline">{t('floor.open', { count: counts.open })}</Badge>
            </Group>
          </Group>
          {slots.length > 0 && (
            <DayGrid slots={slots} timeZone={zone} language={language} corner={t('floor.table')} className="schedule-grid floor-grid" label={t('floor.gridLabel')} testId="floor-grid" interactive>
              {data.forum.tables.map((table) => (
                <tr key={table.id}>
                  <TableRowHeader table={table} />
                  {slots.map((slot) => {
                    const meeting = at.get(`${table.id}@${slot.id}`);
                    return <td key={slot.id}>{meeting ? <FloorCell meeting={meeting} /> : null}</td>;
                  })}
                </tr>
              ))}
            </DayGrid>
          )}
          {fromSlot && <AbsentCard forumId={forumId} registrations={data.registrations} fromSlot={fromSlot} time={time} onDone={() => refresh({ requestPolicy: 'network-only' })} />}
          {fromSlot && <RefillCard forumId={forumId} fromSlot={fromSlot} time={time} onApplied={() => refresh({ requestPolicy: 'network-only' })} />}
        </>
      )}
    </Stack>
  );
}

/** A meeting on the floor: its state by colour and word; a tap marks it (held, or which company did not come). */
function FloorCell({ meeting }: { meeting: FloorMeeting }) {
  const { t } = useTranslation('organizer');
  const [opened, setOpened] = useState(false);
  const [state, mark] = useMutation(MarkFloorAttendance);
  const attendance = meeting.attendance;
  const color = attendance === 'HELD' ? 'var(--mantine-color-teal-1)' : attendance === 'NO_SHOW' ? 'var(--mantine-color-red-1)' : meeting.refilled ? 'var(--mantine-color-indigo-1)' : 'var(--mantine-color-gray-0)';
  const absent = meeting.companies.find((company) => company.id === meeting.absentCompanyId);
  const label = [meeting.companies.map((c) => c.name).join(' – '), attendance ? t(`floor.state.${attendance}`) : t('floor.state.OPEN'), meeting.refilled ? t('floor.state.REFILLED') : ''].filter(Boolean).join(', ');
  const choose = async (status: 'HELD' | 'NO_SHOW', absentCompanyId?: string) => {
    const result = await mark({ id: meeting.id, status, absent: absentCompanyId ?? null });
    if (!result.error) setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} withArrow shadow="md" position="bottom">
      <Popover.Target>
        <button type="button" className="floor-cell" aria-label={label} data-state={attendance ?? 'OPEN'} data-refilled={meeting.refilled || undefined} onClick={() => setOpened((o) => !o)} style={{ background: color }}>
          {meeting.companies.map((company) => (
            <span key={company.id} className="names">
              {company.name}
            </span>
          ))}
          <span className="state">
            {attendance === 'NO_SHOW' && absent ? t('floor.absentName', { name: absent.name }) : attendance ? t(`floor.state.${attendance}`) : meeting.refilled ? t('floor.state.REFILLED') : ''}
          </span>
        </button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {meeting.companies.map((c) => c.name).join(' – ')}
          </Text>
          <Button size="compact-sm" color="teal.9" onClick={() => choose('HELD')}>
            {t('floor.markHeld')}
          </Button>
          {meeting.companies.map((company) => (
            <Button key={company.id} size="compact-sm" color="red.9" variant="outline" onClick={() => choose('NO_SHOW', company.id)}>
              {t('floor.markAbsentHere', { name: company.name })}
            </Button>
          ))}
          <ErrorText code={errorCode(state.error)} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A company that left: absent from the chosen slot to the end of the day; its remaining meetings are freed. */
function AbsentCard({ forumId, registrations, fromSlot, time, onDone }: { forumId: string; registrations: FloorQuery['registrations']; fromSlot: { id: string; startsAt: string }; time: (iso: string) => string; onDone: () => void }) {
  const { t } = useTranslation('organizer');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [state, markAbsent] = useMutation(MarkAbsent);
  const [freed, setFreed] = useState<{ name: string; count: number } | null>(null);
  const approved = registrations.filter((registration) => registration.status === 'APPROVED' && registration.company);
  const submit = async () => {
    if (!companyId) return;
    const result = await markAbsent({ forumId, companyId, fromSlotId: fromSlot.id });
    if (result.data) {
      setFreed({ name: approved.find((r) => r.companyId === companyId)?.company?.name ?? '', count: result.data.markAbsent.length });
      setCompanyId(null);
      onDone();
    }
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('floor.absent.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('floor.absent.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('floor.absent.intro', { time: time(fromSlot.startsAt) })}
        </Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('floor.absent.company')}
            searchable
            value={companyId}
            onChange={setCompanyId}
            data={approved.map((registration) => ({
              value: registration.companyId,
              label: `${registration.company!.name}${registration.absentFromSlotId ? ` — ${t('floor.absent.marked')}` : registration.checkedInAt ? '' : ` — ${t('floor.absent.notCheckedIn')}`}`,
            }))}
            w={340}
          />
          <Button color="red.9" onClick={submit} loading={state.fetching} disabled={!companyId}>
            {t('floor.absent.submit', { time: time(fromSlot.startsAt) })}
          </Button>
        </Group>
        <ErrorText code={errorCode(state.error)} />
        {freed && (
          <Alert color="orange" variant="light" role="status">
            {t('floor.absent.done', { name: freed.name, count: freed.count })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Re-fill: propose new meetings from the chosen slot on, review them, apply the chosen ones. */
function RefillCard({ forumId, fromSlot, time, onApplied }: { forumId: string; fromSlot: { id: string; startsAt: string }; time: (iso: string) => string; onApplied: () => void }) {
  const { t, i18n } = useTranslation('organizer');
  const [proposing, propose] = useMutation(ProposeRefill);
  const [applying, apply] = useMutation(ApplyRefill);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<number | null>(null);
  const number = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  const run = async () => {
    setApplied(null);
    const result = await propose({ forumId, fromSlotId: fromSlot.id });
    if (result.data) {
      setProposal(result.data.proposeRefill);
      setChosen(new Set(result.data.proposeRefill.meetings.map((m) => m.id)));
    }
  };
  const submit = async () => {
    if (!proposal) return;
    const result = await apply({ proposalId: proposal.id, meetingIds: [...chosen] });
    if (result.data) {
      setApplied(chosen.size);
      setProposal(null);
      onApplied();
    }
  };
  const names = (proposal?.meetings ?? []).flatMap((m) => m.companies).reduce((map, c) => map.set(c.id, c.name), new Map<string, string>());
  const why = (meeting: Proposal['meetings'][number]) =>
    meeting.reason === 'RECOMMENDED'
      ? t('floor.refill.recommended', { topics: meeting.topics.join(', ') || '—' })
      : t(meeting.reason === 'REQUEST_ACCEPTED' ? 'floor.refill.accepted' : 'floor.refill.pending', { names: meeting.requestedBy.map((id) => names.get(id) ?? '').join(', ') });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('floor.refill.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('floor.refill.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('floor.refill.intro')}
        </Text>
        <Group>
          <Button onClick={run} loading={proposing.fetching}>
            {t('floor.refill.propose', { time: time(fromSlot.startsAt) })}
          </Button>
        </Group>
        <ErrorText code={errorCode(proposing.error)} />
        {applied !== null && (
          <Alert color="teal" variant="light" role="status">
            {t('floor.refill.applied', { count: applied })}
          </Alert>
        )}
        {proposal && (
          <Stack gap="xs" data-testid="refill-proposal">
            <Text size="sm" fw={600}>
              {proposal.meetings.length ? t('floor.refill.summary', { count: proposal.meetings.length, weight: number(proposal.weight), bound: number(proposal.bound) }) : t('floor.refill.none')}
            </Text>
            {proposal.meetings.length > 0 && (
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>
                        <Checkbox aria-label={t('floor.refill.all')} checked={chosen.size === proposal.meetings.length} indeterminate={chosen.size > 0 && chosen.size < proposal.meetings.length} onChange={() => setChosen(chosen.size === proposal.meetings.length ? new Set() : new Set(proposal.meetings.map((m) => m.id)))} />
                      </Table.Th>
                      <Table.Th>{t('floor.refill.time')}</Table.Th>
                      <Table.Th>{t('floor.table')}</Table.Th>
                      <Table.Th>{t('floor.refill.companies')}</Table.Th>
                      <Table.Th>{t('floor.refill.why')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {proposal.meetings.map((meeting) => (
                      <Table.Tr key={meeting.id}>
                        <Table.Td>
                          <Checkbox
                            aria-label={meeting.companies.map((c) => c.name).join(' – ')}
                            checked={chosen.has(meeting.id)}
                            onChange={() => {
                              const next = new Set(chosen);
                              if (!next.delete(meeting.id)) next.add(meeting.id);
                              setChosen(next);
                            }}
                          />
                        </Table.Td>
                        <Table.Td>{time(meeting.slot.startsAt)}</Table.Td>
                        <Table.Td>
                          {meeting.table.label}
                          {meeting.table.interpreter ? ` · ${t('floor.refill.interpreter')}` : ''}
                        </Table.Td>
                        <Table.Td>{meeting.companies.map((c) => c.name).join(' – ')}</Table.Td>
                        <Table.Td>{why(meeting)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {proposal.unfilled.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="refill-unfilled">
                {t('floor.refill.unfilled', { places: proposal.unfilled.map((place) => `${place.company.name} ${time(place.slot.startsAt)}`).join(', ') })}
              </Text>
            )}
            {proposal.meetings.length > 0 && (
              <Group>
                <Button color="teal.9" onClick={submit} loading={applying.fetching} disabled={chosen.size === 0} data-testid="apply-refill">
                  {t('floor.refill.apply', { count: chosen.size })}
                </Button>
              </Group>
            )}
            <ErrorText code={errorCode(applying.error)} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
