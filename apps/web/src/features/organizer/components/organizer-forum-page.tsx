import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ForumStatus } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime, groupByDay, longDate } from '../../../lib/time';
import { DownloadButton } from '../../../ui/download-button';
import { ErrorText } from '../../../ui/error-text';
import { ForumDashboardCharts } from './forum-dashboard';
import { Figure } from './organizer-forums';
import { OrganizerNav } from './organizer-nav';

const OrganizerForum = graphql(`
  query OrganizerForum($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      venue
      timeZone
      status
      sides
      slotMinutes
      breakMinutes
      maxMeetingsPerCompany
      sessions {
        id
        startsAt
        endsAt
      }
      slots {
        id
      }
      tables {
        id
        interpreter
      }
    }
    forumStats(forumId: $forumId) {
      registrationsBySide {
        side
        count
      }
      requests
      requestsPending
      requestsAccepted
      requestsDeclined
      acceptanceRate
      meetings
      requestsFulfilled
    }
  }
`);

const SetForumStatus = graphql(`
  mutation SetForumStatus($id: ID!, $status: ForumStatus!) {
    setForumStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

/** Where an organiser may take a forum by hand (SCHEDULED comes from publishing a schedule), as the API allows. */
const NEXT_STATUS: Record<ForumStatus, ForumStatus[]> = {
  DRAFT: ['OPEN'],
  OPEN: ['REQUESTS_CLOSED', 'DRAFT'],
  REQUESTS_CLOSED: ['OPEN', 'CLOSED'],
  SCHEDULED: ['CLOSED'],
  CLOSED: [],
};

/** One forum for its organiser: what it is, where it stands, what to do next, and its exports. */
export function OrganizerForumPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrganizerForum, variables: { forumId } });
  const [changing, setStatus] = useMutation(SetForumStatus);
  // The status the server answered to this page's last change wins over the page's data
  // (a background refresh started before the change could otherwise bring the old status back).
  const [changed, setChanged] = useState<ForumStatus | null>(null);
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const { forumStats: stats } = data;
  const forum = changed && changed !== data.forum.status ? { ...data.forum, status: changed } : data.forum;
  const changeStatus = async (status: ForumStatus) => {
    const result = await setStatus({ id: data.forum.id, status });
    if (result.error || !result.data) return;
    setChanged(result.data.setForumStatus.status);
    refetch({ requestPolicy: 'network-only' });
  };
  const language = i18n.language;
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  const interpreterTables = forum.tables.filter((table) => table.interpreter).length;
  const days = groupByDay(forum.sessions, forum.timeZone);
  const registrations = stats.registrationsBySide.reduce((sum, side) => sum + side.count, 0);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <OrganizerNav forumId={forumId} />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {forum.name}
          </Title>
          <Text c="dimmed">{[forum.venue, t('forums:clock', { timeZone: forum.timeZone })].filter(Boolean).join(' · ')}</Text>
        </div>
        <Badge size="lg" variant="outline" data-testid="forum-status">
          {t(`forums:status.${forum.status}`)}
        </Badge>
      </Group>

      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="status-title">
        <Title order={2} size="h4" id="status-title">
          {t('status.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t(`status.meaning.${forum.status}`)}
        </Text>
        <ErrorText code={errorCode(changing.error)} />
        <Group gap="xs">
          {NEXT_STATUS[forum.status].map((status) => (
            <Button key={status} variant={status === 'DRAFT' || (forum.status === 'REQUESTS_CLOSED' && status === 'OPEN') ? 'default' : 'filled'} loading={changing.fetching} onClick={() => void changeStatus(status)}>
              {t(`status.to.${status}`)}
            </Button>
          ))}
          {(forum.status === 'REQUESTS_CLOSED' || forum.status === 'SCHEDULED') && (
            <Button renderRoot={(props) => <Link to="/organizer/forums/$forumId/schedule" params={{ forumId }} {...props} />} variant="default">
              {t('nav.schedule')}
            </Button>
          )}
        </Group>
      </Card>

      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('figures.registrations')} value={number.format(registrations)} />
        <Figure label={t('figures.requests')} value={number.format(stats.requests)} />
        <Figure label={t('figures.acceptance')} value={percent.format(stats.acceptanceRate)} />
        <Figure label={t('figures.meetings')} value={number.format(stats.meetings)} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {stats.registrationsBySide.map((side) => `${side.side ?? t('figures.noSide')}: ${number.format(side.count)}`).join(' · ')}
      </Text>

      <ForumDashboardCharts forumId={forumId} />

      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="setup-title">
        <Title order={2} size="h4" id="setup-title" mb="xs">
          {t('setup.title')}
        </Title>
        <Text size="sm">
          {t('wizard.summary', { sessions: number.format(forum.sessions.length), slots: number.format(forum.slots.length), tables: number.format(forum.tables.length), places: number.format(forum.slots.length * forum.tables.length) })}
        </Text>
        <Text size="sm">{t('setup.details', { slotMinutes: forum.slotMinutes, breakMinutes: forum.breakMinutes, interpreterTables, maxMeetings: forum.maxMeetingsPerCompany })}</Text>
        {days.map((sessions) => (
          <Text size="sm" key={sessions[0].id}>
            {longDate(sessions[0].startsAt, language, forum.timeZone)}:{' '}
            {sessions.map((session) => `${clockTime(session.startsAt, language, forum.timeZone)}–${clockTime(session.endsAt, language, forum.timeZone)}`).join(', ')}
          </Text>
        ))}
      </Card>

      {forum.status !== 'DRAFT' && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="exports-title">
          <Title order={2} size="h4" id="exports-title" mb="xs">
            {t('exports.title')}
          </Title>
          <Group gap="xs">
            <DownloadButton path={`/forums/${forumId}/requests.csv`} filename="requests.csv" label={t('exports.requests')} />
            <DownloadButton path={`/forums/${forumId}/requests.xlsx`} filename="requests.xlsx" label={t('exports.requestsXlsx')} />
            {forum.status === 'SCHEDULED' && (
              <>
                <DownloadButton path={`/forums/${forumId}/schedule.xlsx`} filename="schedule.xlsx" label={t('exports.xlsx')} />
                <DownloadButton path={`/forums/${forumId}/schedule.csv`} filename="schedule.csv" label={t('exports.csv')} />
                <DownloadButton path={`/forums/${forumId}/agenda.pdf`} filename="agendas.pdf" label={t('exports.agendas')} />
              </>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
