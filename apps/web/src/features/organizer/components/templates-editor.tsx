import { Badge, Button, Card, Code, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { Language, NotificationKind } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';

const Templates = graphql(`
  query NotificationTemplates($forumId: ID!) {
    notificationTemplates(forumId: $forumId) {
      kind
      language
      subject
      body
      custom
      placeholders
    }
  }
`);

const Preview = graphql(`
  query PreviewNotification($forumId: ID!, $in: NotificationTemplateInput!) {
    previewNotification(forumId: $forumId, input: $in) {
      subject
      text
    }
  }
`);

const SetTemplate = graphql(`
  mutation SetNotificationTemplate($forumId: ID!, $in: NotificationTemplateInput!) {
    setNotificationTemplate(forumId: $forumId, input: $in) {
      kind
      language
      subject
      body
      custom
    }
  }
`);

const ResetTemplate = graphql(`
  mutation ResetNotificationTemplate($forumId: ID!, $kind: NotificationKind!, $language: Language!) {
    resetNotificationTemplate(forumId: $forumId, kind: $kind, language: $language) {
      kind
      language
      subject
      body
      custom
    }
  }
`);

/**
 * The organiser words the forum's messages, per kind and language, with the
 * placeholders each kind knows and a live preview as a recipient reads it.
 */
export function TemplatesEditor({ forumId }: { forumId: string }) {
  const { t } = useTranslation('organizer');
  const [{ data }, refetch] = useQuery({ query: Templates, variables: { forumId } });
  const [kind, setKind] = useState<NotificationKind>('REQUEST_RECEIVED');
  const [language, setLanguage] = useState<Language>('ko');
  const current = data?.notificationTemplates.find((template) => template.kind === kind && template.language === language);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (current) {
      setSubject(current.subject);
      setBody(current.body);
    }
  }, [current]);
  const unknown = useMemo(() => {
    const known = new Set(current?.placeholders ?? []);
    return [...new Set([...`${subject}\n${body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]))].filter((name) => !known.has(name));
  }, [subject, body, current?.placeholders]);
  const [words] = useDebouncedValue({ subject, body }, 300);
  const ready = Boolean(current) && unknown.length === 0 && words.subject.trim() !== '' && words.body.trim() !== '';
  const [{ data: preview, error: previewError }] = useQuery({ query: Preview, variables: { forumId, in: { kind, language, ...words } }, pause: !ready });
  const [saving, save] = useMutation(SetTemplate);
  const [resetting, reset] = useMutation(ResetTemplate);
  const changed = current && (subject !== current.subject || body !== current.body);
  const kinds = useMemo(() => [...new Set((data?.notificationTemplates ?? []).map((template) => template.kind))], [data]);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="templates-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="templates-title">
            {t('templates.title')}
          </Title>
          {current && (
            <Badge variant="outline" color={current.custom ? 'blue.9' : 'gray.8'} data-testid="template-state">
              {current.custom ? t('templates.custom') : t('templates.product')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('templates.intro')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label={t('templates.kind')} data={kinds.map((value) => ({ value, label: t(`templates.kinds.${value}`) }))} value={kind} onChange={(value) => value && setKind(value as NotificationKind)} allowDeselect={false} w={320} />
          <SegmentedControl aria-label={t('templates.language')} value={language} onChange={(value) => setLanguage(value as Language)} data={[{ value: 'en', label: 'English' }, { value: 'ko', label: '한국어' }, { value: 'vi', label: 'Tiếng Việt' }]} />
        </Group>
        <Group align="flex-start" grow wrap="wrap" gap="md">
          <Stack gap="xs" miw={300}>
            <TextInput label={t('templates.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={300} />
            <Textarea label={t('templates.body')} description={t('templates.bodyHint')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={5} maxLength={5000} />
            <Text size="xs" c="dimmed">
              {t('templates.placeholders')} {(current?.placeholders ?? []).map((name) => <Code key={name}>{`{{${name}}}`}</Code>)}
            </Text>
            {unknown.length > 0 && (
              <Text size="sm" c="red.9" role="alert" data-testid="template-unknown">
                {t('templates.unknown', { names: unknown.map((name) => `{{${name}}}`).join(', ') })}
              </Text>
            )}
            <ErrorText code={errorCode(saving.error ?? resetting.error)} />
            <Group gap="xs">
              <Button
                disabled={!changed || unknown.length > 0}
                loading={saving.fetching}
                onClick={async () => {
                  const result = await save({ forumId, in: { kind, language, subject, body } });
                  if (!result.error) refetch({ requestPolicy: 'network-only' });
                }}
              >
                {t('templates.save')}
              </Button>
              {current?.custom && (
                <Button
                  variant="default"
                  loading={resetting.fetching}
                  onClick={async () => {
                    const result = await reset({ forumId, kind, language });
                    if (!result.error) refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('templates.reset')}
                </Button>
              )}
            </Group>
          </Stack>
          <Paper withBorder p="sm" radius="sm" bg="gray.0" miw={300} aria-live="polite" data-testid="template-preview">
            <Text size="xs" c="dimmed" mb={4}>
              {t('templates.preview')}
            </Text>
            {preview && ready ? (
              <>
                <Text fw={600} size="sm" data-testid="preview-subject">
                  {preview.previewNotification.subject}
                </Text>
                <Text size="sm" component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
                  {preview.previewNotification.text}
                </Text>
              </>
            ) : (
              <ErrorText code={errorCode(previewError)} />
            )}
          </Paper>
        </Group>
      </Stack>
    </Card>
  );
}
