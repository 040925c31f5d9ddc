import { Alert, Button, Checkbox, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { useSession } from '../../../lib/session';
import { ErrorText } from '../../../ui/error-text';
import { useFieldErrors, type FieldErrors } from '../../../ui/field-errors';

const ChangePassword = graphql(`
  mutation ChangePassword($in: ChangePasswordInput!) {
    changePassword(input: $in) {
      accessToken
    }
  }
`);

const SignOutEverywhere = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

/** Password change (every other session ends) and "sign out on every device". */
export function AccountPage() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { fromError, message } = useFieldErrors();
  const [change, changePassword] = useMutation(ChangePassword);
  const [everywhere, signOutEverywhere] = useMutation(SignOutEverywhere);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    if (next.length < 8) return setFieldErrors({ newPassword: message('password') });
    setFieldErrors({});
    const result = await changePassword({ in: { currentPassword: current, newPassword: next } });
    const token = result.data?.changePassword.accessToken;
    if (!token) return setFieldErrors(fromError(result.error));
    // This device keeps working with the new token; every other one must sign in again.
    session.signIn(token);
    setCurrent('');
    setNext('');
    setChanged(true);
  };

  return (
    <Stack maw={460} mx="auto" gap="lg">
      <Title order={1} size="h2">
        {t('accountTitle')}
      </Title>
      <NotificationSettings />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="change-password">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4" id="change-password">
              {t('changePassword')}
            </Title>
            <PasswordInput label={t('currentPassword')} autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={fieldErrors.currentPassword} aria-invalid={Boolean(fieldErrors.currentPassword)} visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }} />
            <PasswordInput label={t('newPassword')} description={t('passwordHint')} autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={fieldErrors.newPassword} aria-invalid={Boolean(fieldErrors.newPassword)} visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }} />
            <ErrorText code={errorCode(change.error)} />
            {changed && (
              <Alert color="green" variant="light" role="status">
                {t('passwordChanged')}
              </Alert>
            )}
            <Button type="submit" loading={change.fetching}>
              {t('changePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sign-out-everywhere">
        <Stack gap="sm">
          <Title order={2} size="h4" id="sign-out-everywhere">
            {t('signOutEverywhere')}
          </Title>
          <Text size="sm">{t('signOutEverywhereHint')}</Text>
          <ErrorText code={errorCode(everywhere.error)} />
          <Button
            variant="outline"
            color="red.9"
            loading={everywhere.fetching}
            onClick={async () => {
              const result = await signOutEverywhere({});
              if (result.error) return;
              session.signOut();
              void navigate({ to: '/sign-in', search: {} });
            }}
          >
            {t('signOutEverywhere')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

const Muted = graphql(`
  query MutedNotifications {
    mutedNotifications
  }
`);

const SetMuted = graphql(`
  mutation SetMutedNotifications($categories: [NotificationCategory!]!) {
    setMutedNotifications(categories: $categories)
  }
`);

const MUTABLE = ['REQUESTS', 'REGISTRATION', 'AGENDA'] as const;

/** Which email messages this account receives (security messages always). */
function NotificationSettings() {
  const { t } = useTranslation('auth');
  const [{ data }] = useQuery({ query: Muted });
  const [state, setMuted] = useMutation(SetMuted);
  const muted = new Set<string>(state.data?.setMutedNotifications ?? data?.mutedNotifications ?? []);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="notifications-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="notifications-title">
          {t('notifications.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notifications.hint')}
        </Text>
        {MUTABLE.map((category) => (
          <Checkbox
            key={category}
            label={t(`notifications.category.${category}`)}
            checked={!muted.has(category)}
            disabled={!data || state.fetching}
            onChange={(event) => {
              const next = new Set(muted);
              if (event.currentTarget.checked) next.delete(category);
              else next.add(category);
              void setMuted({ categories: MUTABLE.filter((c) => next.has(c)) });
            }}
          />
        ))}
        <ErrorText code={errorCode(state.error)} />
      </Stack>
    </Paper>
  );
}
