import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { currentLanguage } from '../../../lib/i18n';
import { ErrorText } from '../../../ui/error-text';

const CreateFeed = graphql(`
  mutation CreateCalendarFeed($forumId: ID!) {
    createCalendarFeed(forumId: $forumId) {
      id
      url
    }
  }
`);

const RevokeFeed = graphql(`
  mutation RevokeCalendarFeed($id: ID!) {
    revokeCalendarFeed(id: $id)
  }
`);

/** A secret calendar URL for Google Calendar, Outlook or a phone, with copy and revoke. */
export function CalendarFeed({ forumId }: { forumId: string }) {
  const { t } = useTranslation('agenda');
  const [feed, setFeed] = useState<{ id: string; url: string } | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [created, create] = useMutation(CreateFeed);
  const [revoking, revoke] = useMutation(RevokeFeed);
  const absolute = feed ? `${window.location.origin}${feed.url}&lang=${currentLanguage()}` : '';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calendar-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="calendar-title">
          {t('calendar')}
        </Title>
        <Text size="sm">{t('calendarIntro')}</Text>
        {feed ? (
          <>
            <TextInput label={t('feedLabel')} value={absolute} readOnly onFocus={(event) => event.currentTarget.select()} />
            <Group gap="xs">
              <CopyButton value={absolute}>{({ copied, copy }) => <Button onClick={copy}>{copied ? t('copied') : t('copy')}</Button>}</CopyButton>
              <Button
                variant="outline"
                color="red.9"
                loading={revoking.fetching}
                onClick={async () => {
                  const result = await revoke({ id: feed.id });
                  if (!result.error) {
                    setFeed(null);
                    setRevoked(true);
                  }
                }}
              >
                {t('revoke')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button
              variant="default"
              loading={created.fetching}
              onClick={async () => {
                const result = await create({ forumId });
                if (result.data) {
                  setFeed(result.data.createCalendarFeed);
                  setRevoked(false);
                }
              }}
            >
              {t('createFeed')}
            </Button>
          </Group>
        )}
        {revoked && <Text size="sm">{t('revoked')}</Text>}
        <ErrorText code={errorCode(created.error ?? revoking.error)} />
      </Stack>
    </Paper>
  );
}
