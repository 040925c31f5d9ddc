import { Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/me';
import { ErrorText } from '../../../ui/error-text';
import { ForumNav } from '../../forums/components/forum-nav';

const Requests = graphql(`
  query MeetingRequests($forumId: ID!, $direction: RequestDirection!) {
    meetingRequests(forumId: $forumId, direction: $direction) {
      id
      priority
      message
      status
      createdAt
      from {
        id
        name
        country
      }
      to {
        id
        name
        country
      }
    }
  }
`);

const Respond = graphql(`
  mutation RespondToMeetingRequest($id: ID!, $accept: Boolean!) {
    respondToMeetingRequest(id: $id, accept: $accept) {
      id
      status
    }
  }
`);

const Withdraw = graphql(`
  mutation WithdrawMeetingRequest($id: ID!) {
    withdrawMeetingRequest(id: $id) {
      id
      status
    }
  }
`);

type Direction = 'RECEIVED' | 'SENT';

/** Inbox and outbox of meeting requests, with accept, decline and withdraw for the company's representative. */
export function RequestsPage({ forumId }: { forumId: string }) {
  const { t } = useTranslation('requests');
  const { canAct } = useMe();
  const [direction, setDirection] = useState<Direction>('RECEIVED');
  const [{ data, fetching, error }, refetch] = useQuery({ query: Requests, variables: { forumId, direction } });
  const [respondState, respond] = useMutation(Respond);
  const [withdrawState, withdraw] = useMutation(Withdraw);
  const [actionError, setActionError] = useState<string | null>(null);

  const act = async (run: () => Promise<{ error?: Parameters<typeof errorCode>[0] }>) => {
    setActionError(null);
    const result = await run();
    if (result.error) return setActionError(errorCode(result.error));
    notifications.show({ message: t('done') });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack maw={760} mx="auto" gap="md">
      <ForumNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <SegmentedControl
        value={direction}
        onChange={(value) => setDirection(value as Direction)}
        data={[
          { value: 'RECEIVED', label: t('received') },
          { value: 'SENT', label: t('sent') },
        ]}
      />
      <ErrorText code={errorCode(error) ?? actionError} />
      {fetching && !data && <Loader role="status" aria-label={t('common:loading')} />}
      {data?.meetingRequests.length === 0 && <Text>{direction === 'RECEIVED' ? t('emptyReceived') : t('emptySent')}</Text>}
      {data?.meetingRequests.map((request) => {
        const other = direction === 'RECEIVED' ? request.from : request.to;
        return (
          <Card key={request.id} withBorder radius="md" padding="sm" data-testid="meeting-request">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text fw={600}>{t(direction === 'RECEIVED' ? 'from' : 'to', { company: `${other.name} (${other.country})` })}</Text>
                <Text size="sm">
                  <span aria-hidden>
                    {'★'.repeat(request.priority)}
                    {'☆'.repeat(5 - request.priority)}
                  </span>
                  <VisuallyHidden>{t('priority', { priority: request.priority })}</VisuallyHidden>
                </Text>
              </Stack>
              <Badge variant="outline" style={{ flexShrink: 0 }}>
                {t(`status.${request.status}`)}
              </Badge>
            </Group>
            {request.message && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {request.message}
              </Text>
            )}
            {canAct && (
              <Group gap="xs" mt="xs">
                {direction === 'RECEIVED' && request.status === 'PENDING' && (
                  <>
                    <Button size="xs" loading={respondState.fetching} onClick={() => act(() => respond({ id: request.id, accept: true }))}>
                      {t('accept')}
                    </Button>
                    <Button size="xs" variant="default" loading={respondState.fetching} onClick={() => act(() => respond({ id: request.id, accept: false }))}>
                      {t('decline')}
                    </Button>
                  </>
                )}
                {direction === 'SENT' && (request.status === 'PENDING' || request.status === 'ACCEPTED') && (
                  <Button size="xs" variant="default" loading={withdrawState.fetching} onClick={() => act(() => withdraw({ id: request.id }))}>
                    {t('withdraw')}
                  </Button>
                )}
              </Group>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
