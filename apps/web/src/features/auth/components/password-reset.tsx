import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';

const RequestReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const Reset = graphql(`
  mutation ResetPassword($in: ResetPasswordInput!) {
    resetPassword(input: $in)
  }
`);

/** "Forgot your password?": the same answer whether the address has an account or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [state, request] = useMutation(RequestReset);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.includes('@')) return;
    const result = await request({ email: email.trim() });
    if (!result.error) setSent(true);
  };
  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('forgot.title')}
          </Title>
          {sent ? (
            <Alert color="green" variant="light" role="status" data-testid="reset-requested">
              {t('forgot.sent', { email })}
            </Alert>
          ) : (
            <>
              <Text c="dimmed" size="sm">
                {t('forgot.intro')}
              </Text>
              <TextInput label={t('email')} type="email" autoComplete="username" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={email && !email.includes('@') ? t('forgot.invalidEmail') : undefined} />
              <ErrorText code={errorCode(state.error)} />
              <Button type="submit" loading={state.fetching} fullWidth>
                {t('forgot.send')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('forgot.back')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}

/** The emailed link's page: choose a new password; every other session ends. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState(false);
  const [state, reset] = useMutation(Reset);
  const tooShort = password.length < 8;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (tooShort) return;
    const result = await reset({ in: { token, newPassword: password } });
    if (!result.error) setDone(true);
  };
  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('reset.title')}
          </Title>
          {done ? (
            <Alert color="green" variant="light" role="status" data-testid="password-reset">
              {t('reset.done')}
            </Alert>
          ) : !token ? (
            <Alert color="red" variant="light" role="alert">
              {t('reset.noToken')}
            </Alert>
          ) : (
            <>
              <PasswordInput
                label={t('reset.newPassword')}
                autoComplete="new-password"
                required
                withAsterisk={false}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={touched && tooShort ? t('reset.tooShort') : undefined}
                visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
              />
              <ErrorText code={errorCode(state.error)} />
              {errorCode(state.error) === 'BAD_USER_INPUT' && (
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('reset.askAgain')}
                </Anchor>
              )}
              <Button type="submit" loading={state.fetching} fullWidth>
                {t('reset.save')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('forgot.back')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
