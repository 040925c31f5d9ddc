import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';

const Forums = graphql(`
  query Forums {
    forums {
      id
      name
      venue
      timeZone
      status
    }
  }
`);

export function ForumList() {
  const { t } = useTranslation('forums');
  const [{ data, fetching, error }] = useQuery({ query: Forums });
  return (
    <Stack maw={760} mx="auto">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Anchor component={Link} to="/profile" size="sm" fw={600}>
          {t('auth:profile')}
        </Anchor>
      </Group>
      <ErrorText code={errorCode(error)} />
      {fetching && !data && <Loader role="status" aria-label={t('common:loading')} />}
      {data?.forums.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      {data?.forums.map((forum) => (
        <Card key={forum.id} withBorder radius="md" padding="md">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={2} size="h4">
                {forum.name}
              </Title>
              <Badge variant="outline" style={{ flexShrink: 0 }}>
                {t(`status.${forum.status}`)}
              </Badge>
            </Group>
            {forum.venue && <Text size="sm">{forum.venue}</Text>}
            <Text size="sm" c="dimmed">
              {t('clock', { timeZone: forum.timeZone })}
            </Text>
            <Group>
              <Link to="/forums/$forumId" params={{ forumId: forum.id }}>
                <Button component="span" size="sm" variant="default">
                  {t('registration:open')}
                </Button>
              </Link>
              <Link to="/forums/$forumId/agenda" params={{ forumId: forum.id }}>
                <Button component="span" size="sm">
                  {t('openAgenda')}
                </Button>
              </Link>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
