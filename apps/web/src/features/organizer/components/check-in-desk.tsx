import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { OrganizerNav } from './organizer-nav';

const DeskForum = graphql(`
  query CheckInDeskForum($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      timeZone
    }
  }
`);

const CheckIn = graphql(`
  mutation CheckIn($forumId: ID!, $code: String!) {
    checkIn(forumId: $forumId, code: $code) {
      id
      checkedInAt
      side
      company {
        id
        name
      }
      delegates {
        id
        name
        title
      }
    }
  }
`);

/** The check-in desk: type (or scan into the field) a company's code from its agenda; a second scan says when it came. */
export function CheckInDesk({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data }] = useQuery({ query: DeskForum, variables: { forumId } });
  const [code, setCode] = useState('');
  const [sentAt, setSentAt] = useState(0);
  const [state, checkIn] = useMutation(CheckIn);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    setSentAt(Date.now());
    const result = await checkIn({ forumId, code: code.trim() });
    if (!result.error) setCode('');
  };
  const registration = state.data?.checkIn;
  const at = registration?.checkedInAt ? clockTime(registration.checkedInAt, i18n.language, data?.forum.timeZone ?? 'UTC') : '';
  const already = registration?.checkedInAt ? Date.parse(registration.checkedInAt) < sentAt - 5_000 : false;
  return (
    <Stack maw={640} mx="auto" gap="md">
      <OrganizerNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('checkIn.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('checkIn.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('checkIn.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoFocus autoComplete="off" w={220} styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase' } }} />
          <Button type="submit" loading={state.fetching}>
            {t('checkIn.submit')}
          </Button>
        </Group>
      </form>
      <ErrorText code={errorCode(state.error)} />
      {registration && !state.error && (
        <Card withBorder radius="md" padding="md" data-testid="checked-in">
          <Stack gap={4}>
            <Alert color={already ? 'yellow' : 'green'} variant="light" role="status">
              {already ? t('checkIn.already', { time: at }) : t('checkIn.done', { time: at })}
            </Alert>
            <Text fw={700} size="lg">
              {registration.company?.name} {registration.side ? `(${registration.side})` : ''}
            </Text>
            <Text size="sm">{t('checkIn.delegates', { names: registration.delegates.map((d) => d.name).join(', ') })}</Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
