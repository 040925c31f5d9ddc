import { Badge, Card, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { NotificationStatus } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';
import { OrganizerNav } from './organizer-nav';
import { TemplatesEditor } from './templates-editor';

const Outbox = graphql(`
  query Outbox($forumId: ID!, $status: NotificationStatus) {
    outbox(forumId: $forumId, status: $status, first: 200) {
      id
      kind
      email
      language
      status
      attempts
      lastError
      createdAt
      sendAfter
      sentAt
      channel
      subject
      text
    }
  }
`);

const COLORS: Record<NotificationStatus, string> = { PENDING: 'gray.8', QUEUED: 'gray.8', SENDING: 'blue.9', SENT: 'teal.9', MERGED: 'cyan.9', FAILED: 'red.9' };

/** What the forum told whom: every message, its state (failures with their reason) and its text; refreshed every few seconds. */
export function OutboxPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [status, setStatus] = useState<'ALL' | NotificationStatus>('ALL');
  const [open, setOpen] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: Outbox, variables: { forumId, status: status === 'ALL' ? null : status }, requestPolicy: 'cache-and-network' });
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <OrganizerNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('outbox.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('outbox.intro')}
      </Text>
      <TemplatesEditor forumId={forumId} />
      <Title order={2} size="h4">
        {t('outbox.messages')}
      </Title>
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as typeof status)}
        aria-label={t('outbox.show')}
        data={(['ALL', 'SENT', 'PENDING', 'FAILED'] as const).map((value) => ({ value, label: t(`outbox.status.${value}`) }))}
        w="fit-content"
      />
      <ErrorText code={errorCode(error)} />
      {fetching && !data && <Loader role="status" aria-label={t('common:loading')} />}
      {data && data.outbox.length === 0 && <Text c="dimmed">{t('outbox.empty')}</Text>}
      {data && data.outbox.length > 0 && (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={4} data-testid="outbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.when')}</Table.Th>
                  <Table.Th>{t('outbox.to')}</Table.Th>
                  <Table.Th>{t('outbox.subject')}</Table.Th>
                  <Table.Th>{t('outbox.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.outbox.map((message) => (
                  <Table.Tr key={message.id} data-testid="outbox-message" onClick={() => setOpen(open === message.id ? null : message.id)} style={{ cursor: 'pointer', verticalAlign: 'top' }}>
                    <Table.Td>{time.format(new Date(message.sentAt ?? message.createdAt))}</Table.Td>
                    <Table.Td>
                      {message.email} <Text span c="dimmed" size="xs">({message.language})</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {message.subject}
                      </Text>
                      {open === message.id && (
                        <Text size="sm" component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="outbox-text">
                          {message.text}
                        </Text>
                      )}
                      {message.lastError && (
                        <Text size="xs" c="red.9">
                          {message.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={COLORS[message.status]} variant="outline">
                          {t(`outbox.status.${message.status}`)}
                        </Badge>
                        {message.channel === 'mailbox' && (
                          <Text size="xs" c="dimmed">
                            {t('outbox.mailbox')}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
