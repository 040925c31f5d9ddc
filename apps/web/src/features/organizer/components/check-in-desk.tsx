import { Alert, Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { OrganizerNav } from './organizer-nav';
import { QrScanner } from './qr-scanner';

const DeskForum = graphql(`
  query CheckInDeskForum($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      timeZone
    }
  }
`);

const CompanyDay = graphql(`
  query CheckInCompanyDay($forumId: ID!, $companyId: ID!) {
    agenda(forumId: $forumId, companyId: $companyId) {
      id
      slot {
        id
        startsAt
      }
      table {
        id
        label
      }
      interpreter
      counterpart {
        id
        name
      }
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

/**
 * The check-in desk: a company's code typed, scanned into the field by a
 * handheld scanner, or read by the device's camera; it shows the company, its
 * delegates and its meetings of the day. A second scan says when it came.
 */
export function CheckInDesk({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data }] = useQuery({ query: DeskForum, variables: { forumId } });
  const [code, setCode] = useState('');
  const [sentAt, setSentAt] = useState(0);
  const [state, checkIn] = useMutation(CheckIn);
  const [camera, setCamera] = useState(false);
  const send = async (value: string) => {
    if (!value.trim()) return;
    setSentAt(Date.now());
    const result = await checkIn({ forumId, code: value.trim() });
    if (!result.error) setCode('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(code);
  };
  const scanned = (value: string) => {
    setCamera(false);
    setCode(value);
    void send(value);
  };
  const registration = state.data?.checkIn;
  const companyId = registration?.company?.id;
  const [{ data: day }] = useQuery({ query: CompanyDay, variables: { forumId, companyId: companyId ?? '' }, pause: !companyId || !!state.error });
  const zone = data?.forum.timeZone ?? 'UTC';
  const dateOf = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  const today = dateOf.format(new Date());
  const meetings = (day?.agenda ?? []).filter((item) => dateOf.format(new Date(item.slot.startsAt)) === today);
  const shown = meetings.length ? meetings : (day?.agenda ?? []);
  const at = registration?.checkedInAt ? clockTime(registration.checkedInAt, i18n.language, zone) : '';
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
          {!camera && (
            <Button variant="default" onClick={() => setCamera(true)}>
              {t('checkIn.camera.open')}
            </Button>
          )}
        </Group>
      </form>
      {camera && <QrScanner onCode={scanned} onClose={() => setCamera(false)} />}
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
            {day && (
              <>
                <Text size="sm" fw={600} mt="xs">
                  {meetings.length ? t('checkIn.today', { count: meetings.length }) : t('checkIn.meetings', { count: shown.length })}
                </Text>
                <List size="sm" spacing={2} data-testid="checked-in-meetings">
                  {shown.map((item) => (
                    <List.Item key={item.id}>
                      {clockTime(item.slot.startsAt, i18n.language, zone)} · {t('checkIn.table', { label: item.table.label })} · {item.counterpart.name}{' '}
                      {item.interpreter && (
                        <Badge size="xs" variant="light">
                          {t('checkIn.interpreter')}
                        </Badge>
                      )}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
