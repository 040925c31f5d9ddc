import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { chosenLanguage, currentLanguage, i18n, isLanguage } from '../../../lib/i18n';
import { rememberLanguageOnAccount } from '../../../lib/language-preference';
import { useSession } from '../../../lib/session';
import { ErrorText } from '../../../ui/error-text';

const SignIn = graphql(`
  mutation SignIn($in: LoginInput!) {
    login(input: $in) {
      accessToken
      user {
        id
        preferredLanguage
      }
    }
  }
`);


export function SignInForm({ redirectTo, expired }: { redirectTo?: string; expired: boolean }) {
  const { t } = useTranslation('auth');
  const client = useClient();
  const session = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.mutation(SignIn, { in: { email, password } }).toPromise();
    setBusy(false);
    const login = result.data?.login;
    if (!login) return setError(errorCode(result.error));
    // A language picked on this device wins (it was picked just now, or adopted before); else the account's.
    const local = chosenLanguage();
    const account = login.user.preferredLanguage;
    if (!local && isLanguage(account)) {
      void i18n.changeLanguage(account);
    } else if (account !== currentLanguage()) {
      rememberLanguageOnAccount(client, login.accessToken);
    }
    session.signIn(login.accessToken);
    void navigate({ to: redirectTo ?? '/' });
  };

  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('signInTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('signInIntro')}
          </Text>
          {expired && (
            <Alert color="yellow" variant="light">
              {t('expired')}
            </Alert>
          )}
          <TextInput label={t('email')} type="email" autoComplete="username" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
          />
          <ErrorText code={error} />
          <Button type="submit" loading={busy} fullWidth>
            {t('signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('forgot.link')}
          </Anchor>
          <Anchor component={Link} to="/sign-up" size="sm">
            {t('noAccount')}
          </Anchor>
          <Text c="dimmed" size="xs">
            {t('demoHint')}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
