import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { AgendaQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime, dayKey, longDate, sameClock, viewerTimeZone } from '../../../lib/time';
import { DownloadButton } from '../../../ui/download-button';
import { ErrorText } from '../../../ui/error-text';
import { ForumNav } from '../../forums/components/forum-nav';
import { OrganizerNav } from '../../organizer/components/organizer-nav';
import { CalendarFeed } from './calendar-feed';
import { CheckInCard } from './check-in-card';
import { FollowUpBanner, MyOutcomes, OutcomeForm, OutcomeSummary, type Outcome } from './outcome-form';

const Agenda = graphql(`
  query Agenda($forumId: ID!, $companyId: ID) {
    forum(id: $forumId) {
      id
      name
      venue
      timeZone
    }
    agenda(forumId: $forumId, companyId: $companyId) {
      id
      attendance
      slot {
        id
        startsAt
        endsAt
      }
      table {
        label
        interpreter
      }
      counterpart {
        id
        name
        country
        city
        sectors
        side
        delegates {
          id
          name
          title
        }
      }
    }
  }
`);

type Meeting = AgendaQuery['agenda'][number];

/**
 * The page a delegate opens on the forum day: meetings by day on the forum's
 * clock (and theirs when it differs). With `asCompany`, the organiser sees a
 * company's agenda as it does (read-only, in the organiser's console).
 */
export function AgendaPage({ forumId, asCompany }: { forumId: string; asCompany?: { id: string; name: string } }) {
  const { t, i18n } = useTranslation('agenda');
  const [{ data, fetching, error }] = useQuery({ query: Agenda, variables: { forumId, companyId: asCompany?.id ?? null } });
  const [{ data: outcomes }] = useQuery({ query: MyOutcomes, variables: { forumId }, pause: !!asCompany });
  const language = i18n.language;
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const { forum, agenda } = data;
  const viewer = viewerTimeZone();
  const days = new Map<string, Meeting[]>();
  for (const meeting of agenda) {
    const key = dayKey(meeting.slot.startsAt, forum.timeZone);
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }
  return (
    <Stack maw={760} mx="auto" gap="md">
      {asCompany ? (
        <OrganizerNav forumId={forumId} />
      ) : (
        <>
          <Anchor component={Link} to="/forums" size="sm">
            ← {t('back')}
          </Anchor>
          <ForumNav forumId={forumId} />
        </>
      )}
      <Stack gap={2}>
        <Title order={1} size="h2">
          {asCompany ? t('asCompany', { company: asCompany.name }) : t('title')}
        </Title>
        <Text fw={600}>{forum.name}</Text>
        {forum.venue && <Text size="sm">{forum.venue}</Text>}
        <Text size="sm" c="dimmed">
          {t('forumClock', { timeZone: forum.timeZone })} · {t('meetingCount', { count: agenda.length })}
        </Text>
      </Stack>
      {!asCompany && (
        <Group gap="sm">
          <PdfButton forumId={forum.id} />
        </Group>
      )}
      {!asCompany && <FollowUpBanner forumId={forum.id} linked={false} />}
      {!asCompany && agenda.length > 0 && <CheckInCard forumId={forum.id} timeZone={forum.timeZone} />}
      {agenda.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      {[...days].map(([key, meetings]) => (
        <Stack key={key} gap="sm" component="section" aria-label={longDate(meetings[0].slot.startsAt, language, forum.timeZone)}>
          <Title order={2} size="h4">
            {longDate(meetings[0].slot.startsAt, language, forum.timeZone)}
          </Title>
          {meetings.map((meeting) => (
            <MeetingCard
              key={meeting.id}
              meeting={meeting}
              timeZone={forum.timeZone}
              viewer={viewer}
              language={language}
              canMark={!asCompany}
              outcome={outcomes?.myOutcomes.find((outcome) => outcome.meetingId === meeting.id)}
              latestRound={outcomes?.outcomeRounds.at(-1)?.round ?? 0}
            />
          ))}
        </Stack>
      ))}
      {!asCompany && <CalendarFeed forumId={forum.id} />}
    </Stack>
  );
}

const MarkAttendance = graphql(`
  mutation MarkAttendance($id: ID!, $status: AttendanceStatus!) {
    markAttendance(meetingId: $id, status: $status) {
      id
      attendance
    }
  }
`);

function MeetingCard(props: { meeting: Meeting; timeZone: string; viewer: string; language: string; canMark: boolean; outcome?: Outcome; latestRound: number }) {
  const { meeting, timeZone, viewer, language, canMark, latestRound } = props;
  const { t } = useTranslation('agenda');
  const [marking, mark] = useMutation(MarkAttendance);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<Outcome | undefined>();
  const outcome = saved ?? props.outcome;
  const attendance = marking.data?.markAttendance.attendance ?? meeting.attendance;
  const { slot, table, counterpart } = meeting;
  const range = (zone: string) => `${clockTime(slot.startsAt, language, zone)}–${clockTime(slot.endsAt, language, zone)}`;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="meeting">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={0}>
          <Text fw={700} size="lg" data-testid="forum-time">
            {range(timeZone)}
          </Text>
          {!sameClock(slot.startsAt, timeZone, viewer) && (
            <Text size="xs" c="dimmed" data-testid="viewer-time">
              {t('yourClock', { time: range(viewer) })}
            </Text>
          )}
        </Stack>
        <Group gap={4} justify="flex-end">
          <Badge size="lg" variant="filled">
            {t('table', { label: table.label })}
          </Badge>
          {table.interpreter && (
            <Badge size="lg" variant="outline" color="teal.9" title={t('interpreterHint')}>
              {t('interpreter')}
            </Badge>
          )}
        </Group>
      </Group>
      <Text fw={600} mt="xs">
        {counterpart.name} <Text span c="dimmed">({counterpart.country}{counterpart.city ? `, ${counterpart.city}` : ''})</Text>
      </Text>
      {counterpart.sectors.length > 0 && (
        <Text size="sm" c="dimmed">
          {counterpart.sectors.join(' · ')}
        </Text>
      )}
      {counterpart.delegates.length > 0 && (
        <Text size="sm" mt={4}>
          <Text span fw={600}>
            {t('delegates')}:
          </Text>{' '}
          {counterpart.delegates.map((delegate) => (delegate.title ? `${delegate.name} (${delegate.title})` : delegate.name)).join(', ')}
        </Text>
      )}
      {canMark && Date.parse(slot.startsAt) <= Date.now() && (
        // On the forum day, once the meeting has begun: one tap says whether it took place.
        <Group gap="xs" mt="xs" data-testid="attendance">
          {attendance && (
            <Badge variant="outline" color={attendance === 'HELD' ? 'teal.9' : 'red.9'}>
              {t(`attendance.${attendance}`)}
            </Badge>
          )}
          <Button size="compact-sm" variant={attendance === 'HELD' ? 'filled' : 'default'} loading={marking.fetching} onClick={() => mark({ id: meeting.id, status: 'HELD' })} aria-pressed={attendance === 'HELD'}>
            {t('attendance.markHeld')}
          </Button>
          <Button size="compact-sm" variant={attendance === 'NO_SHOW' ? 'filled' : 'default'} color="red.9" loading={marking.fetching} onClick={() => mark({ id: meeting.id, status: 'NO_SHOW' })} aria-pressed={attendance === 'NO_SHOW'}>
            {t('attendance.markNoShow')}
          </Button>
          <ErrorText code={errorCode(marking.error)} />
        </Group>
      )}
      {canMark && Date.parse(slot.startsAt) <= Date.now() && attendance !== 'NO_SHOW' && (
        // After the meeting: what came of it (its own company's view; the note stays private).
        <Stack gap={4} mt="xs" data-testid="outcome">
          {outcome && !editing && <OutcomeSummary outcome={outcome} />}
          {!editing && (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
                {!outcome ? t('outcome.record') : outcome.round < latestRound ? t('outcome.toUpdate') : t('outcome.edit')}
              </Button>
            </Group>
          )}
          {editing && (
            <OutcomeForm
              meetingId={meeting.id}
              outcome={outcome}
              onCancel={() => setEditing(false)}
              onSaved={(next) => {
                setSaved(next);
                setEditing(false);
              }}
            />
          )}
        </Stack>
      )}
    </Card>
  );
}

/** The printable agenda in the reader's language. */
function PdfButton({ forumId }: { forumId: string }) {
  const { t } = useTranslation('agenda');
  return <DownloadButton path={`/forums/${forumId}/agenda.pdf`} filename="agenda.pdf" label={t('downloadPdf')} />;
}
