import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { ScheduleForumQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime, groupByDay } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { DayGrid } from './day-grid';
import { GridModel, type GridMeeting, type Refusal } from '../schedule-grid-model';
import { TableRowHeader } from './table-row-header';

const MoveMeeting = graphql(`
  mutation MoveMeeting($id: ID!, $slotId: ID!, $tableId: ID) {
    moveMeeting(id: $id, slotId: $slotId, tableId: $tableId) {
      id
      pinned
    }
  }
`);

const PinMeeting = graphql(`
  mutation PinMeeting($id: ID!, $pinned: Boolean!) {
    pinMeeting(id: $id, pinned: $pinned) {
      id
      pinned
    }
  }
`);

const CreateMeeting = graphql(`
  mutation CreateMeeting($in: CreateMeetingInput!) {
    createMeeting(input: $in) {
      id
      pinned
    }
  }
`);

const CancelMeeting = graphql(`
  mutation CancelMeeting($id: ID!) {
    cancelMeeting(id: $id) {
      id
    }
  }
`);

type Forum = ScheduleForumQuery['forum'];
type Slot = Forum['slots'][number];

interface Props {
  forum: Forum;
  registrations: ScheduleForumQuery['registrations'];
  meetings: GridMeeting[];
  /** The published schedule can be changed by hand; a draft is only looked at. */
  editable: boolean;
  /** A meeting to add (an accepted request left over): the cells show where it may go; a tap on a green one adds it. */
  placing?: GridMeeting | null;
  onPlaced?(): void;
  onChanged(): void;
}

/**
 * One grid per day: slots across, tables down. A card is a meeting; choosing
 * one highlights both companies' other meetings and, on the published
 * schedule, marks every cell where it may go (green) or not (red, with why);
 * it moves by dragging it or by tapping a green cell.
 */
export function ScheduleGrid({ forum, registrations, meetings, editable, placing = null, onPlaced, onChanged }: Props) {
  const { t, i18n } = useTranslation('organizer');
  const language = i18n.language;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  // The card being dragged (dataTransfer is not readable in every browser's dragover/drop).
  const dragged = useRef<string | null>(null);
  const [lastMove, setLastMove] = useState<{ id: string; slotId: string; tableId: string } | null>(null);
  const [moving, move] = useMutation(MoveMeeting);
  const [pinning, pin] = useMutation(PinMeeting);
  const [cancelling, cancel] = useMutation(CancelMeeting);
  const [creating, create] = useMutation(CreateMeeting);
  const tables = useMemo(() => new Map(forum.tables.map((table) => [table.id, table])), [forum.tables]);
  const unavailable = useMemo(() => new Map(registrations.map((registration) => [registration.companyId, new Set(registration.unavailableSlotIds)])), [registrations]);
  const grid = useMemo(() => new GridModel(meetings, tables, unavailable), [meetings, tables, unavailable]);
  // The meeting being placed or moved: a request to add wins over a chosen card.
  const selected = (editable && placing) || meetings.find((meeting) => meeting.id === selectedId) || null;
  const highlighted = new Set(selected?.companies.map((company) => company.id) ?? []);
  const query = search.trim().toLowerCase();
  const found = new Set(query.length >= 2 ? meetings.filter((meeting) => meeting.companies.some((company) => company.name.toLowerCase().includes(query))).map((meeting) => meeting.id) : []);
  const slotsById = useMemo(() => new Map(forum.slots.map((slot) => [slot.id, slot])), [forum.slots]);
  const days = useMemo(() => groupByDay(forum.slots, forum.timeZone), [forum.slots, forum.timeZone]);

  const reasonText = (refusal: Refusal) => t(`grid.refusal.${refusal.reason}`, refusal);
  const slotLabel = (slotId: string) => {
    const slot = slotsById.get(slotId);
    return slot ? clockTime(slot.startsAt, language, forum.timeZone) : '';
  };

  const tryMove = async (meeting: GridMeeting, slot: Slot, tableId: string) => {
    const refusal = grid.refusal(meeting, slot.id, tableId);
    if (refusal) {
      if (refusal.reason !== 'SAME_PLACE') setRefused(reasonText(refusal));
      return;
    }
    setRefused(null);
    if (placing && meeting === placing) {
      const created = await create({ in: { forumId: forum.id, companyIds: meeting.companies.map((company) => company.id), slotId: slot.id, tableId } });
      if (created.error) return;
      onPlaced?.();
      onChanged();
      return;
    }
    const result = await move({ id: meeting.id, slotId: slot.id, tableId });
    if (result.error) return;
    setLastMove({ id: meeting.id, slotId: meeting.slotId, tableId: meeting.tableId });
    setSelectedId(null);
    onChanged();
  };
  const undo = async () => {
    if (!lastMove) return;
    const result = await move({ id: lastMove.id, slotId: lastMove.slotId, tableId: lastMove.tableId });
    if (result.error) return;
    setLastMove(null);
    onChanged();
  };

  const onDrop = (slot: Slot, tableId: string) => (event: DragEvent) => {
    event.preventDefault();
    setHover(null);
    const id = event.dataTransfer.getData('text/plain') || dragged.current;
    dragged.current = null;
    const meeting = meetings.find((candidate) => candidate.id === id);
    if (meeting) void tryMove(meeting, slot, tableId);
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('grid.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        {query.length >= 2 && (
          <Text size="sm" aria-live="polite">
            {t('grid.found', { count: found.size })}
          </Text>
        )}
        {editable && lastMove && (
          <Button variant="default" size="xs" onClick={undo} loading={moving.fetching}>
            {t('grid.undo')}
          </Button>
        )}
      </Group>
      {/* Fixed heights: choosing or dragging a card must not move the grid under the pointer. */}
      <Group gap="xs" p="xs" mih={52} className="grid-status" data-selected={(selected && selected !== placing) || undefined} wrap="wrap">
        {selected && selected !== placing ? (
          <Group gap="xs" data-testid="selected-meeting" wrap="wrap">
            <Text size="sm" fw={600}>
              {selected.companies.map((company) => company.name).join(' × ')}
            </Text>
            <Text size="sm">
              {slotLabel(selected.slotId)} · {tables.get(selected.tableId)?.label}
            </Text>
            {selected.pinned && <Badge size="sm">{t('grid.pinned')}</Badge>}
            {editable && (
              <>
                <Button size="xs" variant="default" loading={pinning.fetching} onClick={async () => (await pin({ id: selected.id, pinned: !selected.pinned })).error || onChanged()}>
                  {selected.pinned ? t('grid.unpin') : t('grid.pin')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red.9"
                  loading={cancelling.fetching}
                  onClick={async () => {
                    if ((await cancel({ id: selected.id })).error) return;
                    setSelectedId(null);
                    onChanged();
                  }}
                >
                  {t('grid.cancelMeeting')}
                </Button>
              </>
            )}
            <Button size="xs" variant="subtle" onClick={() => setSelectedId(null)}>
              {t('grid.deselect')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {editable ? t('grid.hintEditable') : t('grid.hintDraft')}
          </Text>
        )}
      </Group>
      <Group gap="xs" mih={28} wrap="nowrap">
        {refused ? (
          <Text size="sm" c="red.9" fw={600} role="alert" data-testid="refused-drop">
            {t('grid.cannotMove', { reason: refused })}
          </Text>
        ) : (
          <Text size="sm" aria-live="polite" data-testid="drop-hint">
            {hover ?? ''}
          </Text>
        )}
        {refused && (
          <Button size="compact-xs" variant="subtle" onClick={() => setRefused(null)} aria-label={t('grid.dismiss')}>
            ✕
          </Button>
        )}
      </Group>
      <ErrorText code={errorCode(moving.error ?? pinning.error ?? cancelling.error ?? creating.error)} />
      {days.map((slots) => (
        <DayGrid key={slots[0].id} slots={slots} timeZone={forum.timeZone} language={language} corner={t('grid.table')} className="schedule-grid" label={t('grid.byTable')} interactive>
          {forum.tables.map((table) => (
            <tr key={table.id}>
              <TableRowHeader table={table} />
              {slots.map((slot) => {
                const meeting = grid.at(slot.id, table.id);
                const refusal = selected && editable ? grid.refusal(selected, slot.id, table.id) : null;
                const target = selected && editable && (!refusal || refusal.reason !== 'SAME_PLACE');
                const state = target ? (refusal ? 'no' : 'ok') : undefined;
                const place = `${clockTime(slot.startsAt, language, forum.timeZone)} ${table.label}`;
                const why = refusal && refusal.reason !== 'SAME_PLACE' ? reasonText(refusal) : null;
                return (
                  <td
                    key={slot.id}
                    data-state={state}
                    data-slot={slot.id}
                    data-table={table.label}
                    title={why ?? undefined}
                    // The hint follows dragenter (dragover is not sent on every move everywhere); leaving one
                    // cell for another must not clear what the new cell just said.
                    onDragEnter={(event) => {
                      if (!editable) return;
                      event.preventDefault();
                      setHover(selected ? (why ? t('grid.cannotMove', { reason: why }) : t('grid.canMove', { place })) : null);
                    }}
                    onDragOver={(event) => editable && event.preventDefault()}
                    onDragLeave={(event) => {
                      if (!event.currentTarget.closest('table')?.contains(event.relatedTarget as Node | null)) setHover(null);
                    }}
                    onDrop={editable ? onDrop(slot, table.id) : undefined}
                    onClick={() => {
                      if (selected && editable && !meeting) void tryMove(selected, slot, table.id);
                    }}
                  >
                    {meeting ? (
                      // A div, not a <button>: browsers do not start a drag from a button.
                      <div
                        role="button"
                        tabIndex={0}
                        className="meeting-card"
                        data-testid="grid-meeting"
                        data-selected={meeting.id === selectedId || undefined}
                        data-highlight={(meeting.companies.some((company) => highlighted.has(company.id)) && meeting.id !== selectedId) || found.has(meeting.id) || undefined}
                        draggable={editable}
                        onDragStart={(event) => {
                          event.dataTransfer.setData('text/plain', meeting.id);
                          dragged.current = meeting.id;
                          event.dataTransfer.effectAllowed = 'move';
                          setSelectedId(meeting.id);
                          setRefused(null);
                        }}
                        onDragEnd={() => setHover(null)}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            (event.currentTarget as HTMLElement).click();
                          }
                        }}
                        onClick={(event) => {
                          event.stopPropagation();
                          if (placing) {
                            void tryMove(placing, slot, table.id);
                            return;
                          }
                          if (selected && editable && meeting.id !== selected.id) {
                            // A taken cell: say why the chosen meeting cannot go there.
                            void tryMove(selected, slot, table.id);
                            return;
                          }
                          setRefused(null);
                          setSelectedId(meeting.id === selectedId ? null : meeting.id);
                        }}
                        aria-pressed={meeting.id === selectedId}
                        aria-label={`${place}: ${meeting.companies.map((company) => company.name).join(' × ')}${meeting.pinned ? ` (${t('grid.pinned')})` : ''}${why ? ` — ${why}` : ''}`}
                      >
                        {meeting.companies.map((company) => (
                          <span key={company.id}>{company.name}</span>
                        ))}
                        {meeting.pinned && <span className="pin">📌</span>}
                      </div>
                    ) : target ? (
                      <span className="free-cell" aria-label={why ? `${place}: ${why}` : t('grid.canMove', { place })} role="button" tabIndex={0} onKeyDown={(event) => event.key === 'Enter' && selected && void tryMove(selected, slot, table.id)}>
                        {refusal ? '✕' : '＋'}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </DayGrid>
      ))}
    </Stack>
  );
}
