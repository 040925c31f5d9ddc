import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';

const RequestMeeting = graphql(`
  mutation RequestMeeting($in: RequestMeetingInput!) {
    requestMeeting(input: $in) {
      id
    }
  }
`);

/** "Request a meeting" that opens into priority and message; used on lists and on a company's page. */
export function RequestMeetingButton({ forumId, companyId }: { forumId: string; companyId: string }) {
  const { t } = useTranslation('participants');
  const [open, setOpen] = useState(false);
  const [priority, setPriority] = useState('3');
  const [message, setMessage] = useState('');
  const [state, request] = useMutation(RequestMeeting);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    const result = await request({ in: { forumId, toCompanyId: companyId, priority: Number(priority), message: message.trim() || null } });
    if (result.error) return setError(errorCode(result.error));
    notifications.show({ message: t('sent') });
    setOpen(false);
  };
  if (!open) {
    return (
      <Group mt="xs">
        <Button size="xs" variant="default" onClick={() => setOpen(true)}>
          {t('request')}
        </Button>
      </Group>
    );
  }
  return (
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
  );
}
