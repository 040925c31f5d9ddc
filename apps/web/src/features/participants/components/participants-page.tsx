import { Button, Card, Group, Loader, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ParticipantsQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/me';
import { ErrorText } from '../../../ui/error-text';
import { ForumNav } from '../../forums/components/forum-nav';

const Participants = graphql(`
  query Participants($forumId: ID!, $filter: ParticipantFilter, $after: String) {
    participants(forumId: $forumId, filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          country
          city
          side
          sectors
          offers
          seeks
          languages
          delegates {
            id
            name
            title
          }
        }
      }
    }
  }
`);

const RequestMeeting = graphql(`
  mutation RequestMeeting($in: RequestMeetingInput!) {
    requestMeeting(input: $in) {
      id
    }
  }
`);

type Participant = ParticipantsQuery['participants']['edges'][number]['node'];

/** The other companies of a forum, searchable, a page at a time, with a meeting request for each. */
export function ParticipantsPage({ forumId }: { forumId: string }) {
  const { t } = useTranslation('participants');
  const { me, canAct } = useMe();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return (
    <Stack maw={760} mx="auto" gap="md">
      <ForumNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <TextInput
        label={t('search')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setPages([null]);
        }}
      />
      {pages.map((after, i) => (
        <ParticipantPage
          key={`${search}|${after ?? ''}`}
          forumId={forumId}
          search={search}
          after={after}
          last={i === pages.length - 1}
          ownCompanyId={me?.company?.id ?? null}
          canAct={canAct}
          onMore={(cursor) => setPages((previous) => [...previous, cursor])}
        />
      ))}
    </Stack>
  );
}

function ParticipantPage(props: { forumId: string; search: string; after: string | null; last: boolean; ownCompanyId: string | null; canAct: boolean; onMore(cursor: string): void }) {
  const { t } = useTranslation('participants');
  const [{ data, fetching, error }] = useQuery({ query: Participants, variables: { forumId: props.forumId, filter: props.search ? { text: props.search } : null, after: props.after } });
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const { edges, pageInfo, totalCount } = data.participants;
  return (
    <>
      {props.after === null && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {totalCount === 0 ? t('empty') : t('count', { count: totalCount })}
        </Text>
      )}
      {edges.map(({ node }) => (
        <ParticipantCard key={node.id} participant={node} forumId={props.forumId} canRequest={props.canAct && node.id !== props.ownCompanyId} />
      ))}
      {props.last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <Button variant="default" onClick={() => props.onMore(pageInfo.endCursor!)}>
          {t('more')}
        </Button>
      )}
    </>
  );
}

function ParticipantCard({ participant, forumId, canRequest }: { participant: Participant; forumId: string; canRequest: boolean }) {
  const { t } = useTranslation('participants');
  const [open, setOpen] = useState(false);
  const [priority, setPriority] = useState('3');
  const [message, setMessage] = useState('');
  const [state, request] = useMutation(RequestMeeting);
  const [error, setError] = useState<string | null>(null);
  const list = (items: string[]) => items.join(' · ');
  const send = async () => {
    setError(null);
    const result = await request({ in: { forumId, toCompanyId: participant.id, priority: Number(priority), message: message.trim() || null } });
    if (result.error) return setError(errorCode(result.error));
    notifications.show({ message: t('sent') });
    setOpen(false);
  };
  return (
    <Card withBorder radius="md" padding="sm" data-testid="participant">
      <Text fw={600}>
        {participant.name}{' '}
        <Text span c="dimmed">
          ({[participant.country, participant.city].filter(Boolean).join(', ')})
        </Text>
      </Text>
      {participant.sectors.length > 0 && (
        <Text size="sm" c="dimmed">
          {list(participant.sectors)}
        </Text>
      )}
      {participant.offers.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('offers')}:</Text> {list(participant.offers)}
        </Text>
      )}
      {participant.seeks.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('seeks')}:</Text> {list(participant.seeks)}
        </Text>
      )}
      {participant.delegates.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('delegates')}:</Text> {participant.delegates.map((d) => (d.title ? `${d.name} (${d.title})` : d.name)).join(', ')}
        </Text>
      )}
      {canRequest && !open && (
        <Group mt="xs">
          <Button size="xs" variant="default" onClick={() => setOpen(true)}>
            {t('request')}
          </Button>
        </Group>
      )}
      {open && (
        <Stack gap="xs" mt="xs">
          <NativeSelect label={t('priorityLabel')} value={priority} onChange={(e) => setPriority(e.currentTarget.value)} data={['5', '4', '3', '2', '1']} />
          <Textarea label={t('messageLabel')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
          <ErrorText code={error} />
          <Group gap="xs">
            <Button size="xs" onClick={send} loading={state.fetching}>
              {t('send')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
