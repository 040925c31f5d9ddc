import { Anchor, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/me';
import { ErrorText } from '../../../ui/error-text';
import { ForumNav } from '../../forums/components/forum-nav';
import { countryName, languageName } from './names';
import { RequestMeetingButton } from './request-meeting-form';

const Participant = graphql(`
  query Participant($forumId: ID!, $companyId: ID!) {
    participant(forumId: $forumId, companyId: $companyId) {
      id
      name
      country
      city
      website
      side
      sectors
      offers
      seeks
      languages
      description
      delegates {
        id
        name
        title
        languages
      }
    }
  }
`);

/** One company of the forum as the others see it: profile and delegates (no emails). */
export function CompanyPage({ forumId, companyId }: { forumId: string; companyId: string }) {
  const { t, i18n } = useTranslation('participants');
  const { me, canAct } = useMe();
  const [{ data, fetching, error }] = useQuery({ query: Participant, variables: { forumId, companyId } });
  const company = data?.participant;
  const languages = (codes: string[]) => codes.map((code) => languageName(code, i18n.language)).join(', ');
  return (
    <Stack maw={760} mx="auto" gap="md">
      <ForumNav forumId={forumId} />
      {fetching && !data && <Loader role="status" aria-label={t('common:loading')} />}
      {!fetching && !company && <ErrorText code={errorCode(error)} />}
      {company && (
        <>
          <div>
            <Title order={1} size="h2">
              {company.name}
            </Title>
            <Text c="dimmed">
              {[countryName(company.country, i18n.language), company.city].filter(Boolean).join(', ')}
              {company.sectors.length > 0 && ` · ${company.sectors.join(' · ')}`}
            </Text>
            {company.website && (
              <Anchor href={company.website} target="_blank" rel="noopener noreferrer" size="sm">
                {company.website}
              </Anchor>
            )}
          </div>
          {company.description && <Text style={{ whiteSpace: 'pre-line' }}>{company.description}</Text>}
          <Group align="flex-start" grow wrap="wrap" gap="md">
            <Section title={t('offers')} items={company.offers} />
            <Section title={t('seeks')} items={company.seeks} />
          </Group>
          {company.languages.length > 0 && (
            <Text size="sm">
              <Text span fw={600}>{t('languages')}:</Text> {languages(company.languages)}
            </Text>
          )}
          <Card withBorder radius="md" padding="sm">
            <Title order={2} size="h4" mb="xs">
              {t('delegates')}
            </Title>
            {company.delegates.length === 0 ? (
              <Text size="sm" c="dimmed">{t('noDelegates')}</Text>
            ) : (
              <List spacing={4} size="sm">
                {company.delegates.map((delegate) => (
                  <List.Item key={delegate.id}>
                    {delegate.title ? `${delegate.name} (${delegate.title})` : delegate.name}
                    {delegate.languages.length > 0 && <Text span c="dimmed" inherit> · {languages(delegate.languages)}</Text>}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          {canAct && company.id !== me?.company?.id && <RequestMeetingButton forumId={forumId} companyId={company.id} />}
        </>
      )}
    </Stack>
  );
}

function Section({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={2} size="h4">
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}
