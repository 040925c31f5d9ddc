import { Alert, Button, Loader, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';
import { areLanguageCodes, languageCodes, looksLikeWebAddress, useFieldErrors, type FieldErrors } from '../../../ui/field-errors';

const Profile = graphql(`
  query CompanyProfile {
    me {
      id
      role
      company {
        id
        name
        country
        city
        website
        sectors
        offers
        seeks
        languages
        description
      }
    }
  }
`);

const UpdateCompany = graphql(`
  mutation UpdateCompany($in: CompanyInput!) {
    updateCompany(input: $in) {
      id
      name
      city
      website
      sectors
      offers
      seeks
      languages
      description
    }
  }
`);

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The company's public profile: what matching reads and other companies browse. Delegates read it only. */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  const [{ data, fetching, error }] = useQuery({ query: Profile });
  const [saving, save] = useMutation(UpdateCompany);
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState<Record<string, string> | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { fromError, message } = useFieldErrors();
  const company = data?.me.company;
  useEffect(() => {
    if (company && !form) {
      setForm({
        name: company.name,
        country: company.country,
        city: company.city ?? '',
        website: company.website ?? '',
        sectors: company.sectors.join('\n'),
        offers: company.offers.join('\n'),
        seeks: company.seeks.join('\n'),
        languages: company.languages.join(', '),
        description: company.description ?? '',
      });
    }
  }, [company, form]);
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!company || !form) return <ErrorText code={errorCode(error)} />;
  const readOnly = data?.me.role !== 'COMPANY';
  const set = (key: string) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
    if (fieldErrors[key]) setFieldErrors({ ...fieldErrors, [key]: undefined });
  };
  const field = (key: string) => ({ value: form[key], onChange: set(key), error: fieldErrors[key] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const languages = languageCodes(form.languages);
    const problems: FieldErrors = {};
    if (!form.name.trim()) problems.name = message('text');
    if (form.website.trim() && !looksLikeWebAddress(form.website)) problems.website = message('isUrl');
    if (!areLanguageCodes(languages)) problems.languages = message('languages');
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await save({
      in: {
        name: form.name,
        country: form.country,
        city: form.city.trim() || null,
        website: form.website.trim() || null,
        sectors: lines(form.sectors),
        offers: lines(form.offers),
        seeks: lines(form.seeks),
        languages,
        description: form.description.trim() || null,
      },
    });
    if (result.error) return setFieldErrors(fromError(result.error));
    setSaved(true);
  };

  return (
    <Stack maw={640} mx="auto" gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      {readOnly && (
        <Alert color="gray" variant="light">
          {t('readOnly')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate>
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="sm">
              <TextInput label={t('name')} {...field('name')} maxLength={200} />
              <TextInput label={t('city')} {...field('city')} maxLength={100} />
              <TextInput label={t('website')} {...field('website')} placeholder="https://" />
              <Textarea label={t('sectors')} description={t('listHint')} {...field('sectors')} autosize minRows={2} />
              <Textarea label={t('offers')} description={t('listHint')} {...field('offers')} autosize minRows={2} />
              <Textarea label={t('seeks')} description={t('listHint')} {...field('seeks')} autosize minRows={2} />
              <TextInput label={t('languages')} {...field('languages')} placeholder="vi, en, ko" />
              <Textarea label={t('description')} {...field('description')} autosize minRows={3} maxLength={5000} />
              <ErrorText code={errorCode(saving.error)} />
              {saved && (
                <Alert color="green" variant="light" role="status">
                  {t('saved')}
                </Alert>
              )}
              {!readOnly && (
                <Button type="submit" loading={saving.fetching}>
                  {t('save')}
                </Button>
              )}
            </Stack>
          </fieldset>
        </form>
      </Paper>
    </Stack>
  );
}
