import { Anchor, Button, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { currentLanguage } from '../../../lib/i18n';
import { rememberLanguageOnAccount } from '../../../lib/language-preference';
import { useSession } from '../../../lib/session';
import { ErrorText } from '../../../ui/error-text';
import { looksLikeEmail, useFieldErrors, type FieldErrors } from '../../../ui/field-errors';

/** The sign-up input's fields → this form's. */
const FORM_FIELD: Record<string, string> = { 'company.name': 'company', 'company.country': 'country', name: 'name', email: 'email', password: 'password' };

const SignUp = graphql(`
  mutation SignUp($in: SignUpInput!) {
    signUp(input: $in) {
      accessToken
    }
  }
`);


/** A company's representative registers the company and signs in. */
export function SignUpForm() {
  const { t } = useTranslation('auth');
  const client = useClient();
  const session = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ company: '', country: 'VN', otherCountry: '', name: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { fromError, message } = useFieldErrors();
  const set = (key: keyof typeof form) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
    if (fieldErrors[key]) setFieldErrors({ ...fieldErrors, [key]: undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problems: FieldErrors = {};
    if (!form.company.trim()) problems.company = message('text');
    if (!form.name.trim()) problems.name = message('text');
    if (!looksLikeEmail(form.email)) problems.email = message('isEmail');
    if (form.password.length < 8) problems.password = message('password');
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const country = form.country === 'other' ? form.otherCountry.trim().toUpperCase() : form.country;
    const language = currentLanguage();
    const spoken = language === 'en' ? ['en'] : [language, 'en'];
    const result = await client
      .mutation(SignUp, { in: { email: form.email, password: form.password, name: form.name, company: { name: form.company, country, languages: spoken } } })
      .toPromise();
    setBusy(false);
    const accessToken = result.data?.signUp.accessToken;
    if (!accessToken) {
      setFieldErrors(fromError(result.error, (field) => FORM_FIELD[field] ?? (field.startsWith('company.') ? 'company' : null)));
      return setError(errorCode(result.error));
    }
    rememberLanguageOnAccount(client, accessToken);
    session.signIn(accessToken);
    void navigate({ to: '/forums' });
  };

  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('signUpTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('signUpIntro')}
          </Text>
          <TextInput label={t('companyName')} required withAsterisk={false} value={form.company} onChange={set('company')} error={fieldErrors.company} maxLength={200} />
          <NativeSelect
            label={t('country')}
            value={form.country}
            onChange={set('country')}
            error={fieldErrors.country}
            data={[
              { value: 'VN', label: t('countries.VN') },
              { value: 'KR', label: t('countries.KR') },
              { value: 'other', label: t('countries.other') },
            ]}
          />
          {form.country === 'other' && <TextInput label="ISO 3166-1 (e.g. JP)" value={form.otherCountry} onChange={set('otherCountry')} maxLength={2} />}
          <TextInput label={t('yourName')} required withAsterisk={false} autoComplete="name" value={form.name} onChange={set('name')} error={fieldErrors.name} maxLength={200} />
          <TextInput label={t('email')} type="email" required withAsterisk={false} autoComplete="email" value={form.email} onChange={set('email')} error={fieldErrors.email} />
          <PasswordInput
            label={t('password')}
            description={t('passwordHint')}
            required
            withAsterisk={false}
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={fieldErrors.password}
            aria-invalid={Boolean(fieldErrors.password)}
            visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
          />
          <ErrorText code={error} />
          <Button type="submit" loading={busy} fullWidth>
            {t('signUp')}
          </Button>
          <Anchor renderRoot={(props) => <Link to="/sign-in" search={{}} {...props} />} size="sm">
            {t('haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
