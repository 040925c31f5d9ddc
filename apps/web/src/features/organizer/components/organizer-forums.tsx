import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { OrganizerForumsQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { longDate } from '../../../lib/time';
import { AnchorLink } from '../../../ui/anchor-link';
import { ErrorText } from '../../../ui/error-text';

const OrganizerForumsDocument = graphql(`
  query OrganizerForums {
    forums {
      id
      name
      venue
      timeZone
      status
      sessions {
        id
        startsAt
      }
    }
  }
`);

const ForumFigures = graphql(`
  query ForumFigures($forumId: ID!) {
    forumStats(forumId: $forumId) {
      registrationsBySide {
        side
        count
      }
      requests
      meetings
    }
  }
`);

/** The organiser's forums: status, dates, registrations, requests and meetings, and a new one. */
export function OrganizerForums() {
  const { t } = useTranslation('organizer');
  const [{ data, fetching, error }] = useQuery({ query: OrganizerForumsDocument });
  return (
    <Stack maw={960} mx="auto" gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('forums.title')}
        </Title>
        <Button renderRoot={(props) => <Link to="/organizer/forums/new" {...props} />}>
          {t('forums.new')}
        </Button>
      </Group>
      <ErrorText code={errorCode(error)} />
      {fetching && !data && <Loader role="status" aria-label={t('common:loading')} />}
      {data?.forums.length === 0 && <Text c="dimmed">{t('forums.empty')}</Text>}
      {data?.forums.map((forum) => <ForumCard key={forum.id} forum={forum} />)}
    </Stack>
  );
}

function ForumCard({ forum }: { forum: OrganizerForumsQuery['forums'][number] }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data }] = useQuery({ query: ForumFigures, variables: { forumId: forum.id } });
  const number = new Intl.NumberFormat(i18n.language);
  const stats = data?.forumStats;
  const registrations = stats?.registrationsBySide.reduce((sum, side) => sum + side.count, 0);
  const first = forum.sessions[0]?.startsAt;
  return (
    <Card withBorder radius="md" padding="md" data-testid="organizer-forum">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            <AnchorLink to="/organizer/forums/$forumId" params={{ forumId: forum.id }}>
              {forum.name}
            </AnchorLink>
          </Title>
          <Text size="sm" c="dimmed">
            {[forum.venue, first ? longDate(first, i18n.language, forum.timeZone) : null].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Badge variant="outline" style={{ flexShrink: 0 }}>
          {t(`forums:status.${forum.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={3} mt="sm" spacing="xs">
        <Figure label={t('figures.registrations')} value={registrations === undefined ? '…' : number.format(registrations)} />
        <Figure label={t('figures.requests')} value={stats ? number.format(stats.requests) : '…'} />
        <Figure label={t('figures.meetings')} value={stats ? number.format(stats.meetings) : '…'} />
      </SimpleGrid>
    </Card>
  );
}

export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xl" fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
