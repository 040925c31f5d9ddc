import { Card, Group, List, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { RecommendationsQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/me';
import { AnchorLink } from '../../../ui/anchor-link';
import { ErrorText } from '../../../ui/error-text';
import { ForumNav } from '../../forums/components/forum-nav';
import { countryName, languageName } from './names';
import { RequestMeetingButton } from './request-meeting-form';

const Recommendations = graphql(`
  query Recommendations($forumId: ID!) {
    recommendedPartners(forumId: $forumId, first: 20) {
      score
      why {
        kind
        theirs
        yours
        languages
      }
      company {
        id
        name
        country
        city
      }
    }
  }
`);

/** A reason in the reader's words: the partner's phrase and the reader's it answers stay as written. */
export function reasonText(t: TFunction<'participants'>, reason: RecommendationsQuery['recommendedPartners'][number]['why'][number], language: string): string {
  return t(`why.${reason.kind}`, {
    theirs: reason.theirs ?? '',
    yours: reason.yours ?? '',
    languages: (reason.languages ?? []).map((code) => languageName(code, language)).join(', '),
  });
}

/** The partners the matcher would pair the company with, best first, and why. */
export function RecommendationsPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('participants');
  const { canAct } = useMe();
  const [{ data, fetching, error }] = useQuery({ query: Recommendations, variables: { forumId } });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <Stack maw={760} mx="auto" gap="md">
      <ForumNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('recommended')}
      </Title>
      <Text c="dimmed">{t('recommendedIntro')}</Text>
      {fetching && !data && <Loader role="status" aria-label={t('common:loading')} />}
      {!fetching && !data && <ErrorText code={errorCode(error)} />}
      {data && data.recommendedPartners.length === 0 && <Text>{t('noRecommendations')}</Text>}
      {data?.recommendedPartners.map((recommendation) => (
        <Card key={recommendation.company.id} withBorder radius="md" padding="sm" data-testid="recommendation">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={600}>
              <AnchorLink to="/forums/$forumId/participants/$companyId" params={{ forumId, companyId: recommendation.company.id }}>
                {recommendation.company.name}
              </AnchorLink>{' '}
              <Text span c="dimmed">
                ({[countryName(recommendation.company.country, i18n.language), recommendation.company.city].filter(Boolean).join(', ')})
              </Text>
            </Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('fit', { value: percent.format(recommendation.score) })}
            </Text>
          </Group>
          <Progress value={recommendation.score * 100} size="sm" my={6} aria-hidden />
          <List size="sm" spacing={2}>
            {recommendation.why.map((reason, i) => (
              <List.Item key={i}>{reasonText(t, reason, i18n.language)}</List.Item>
            ))}
          </List>
          {canAct && <RequestMeetingButton forumId={forumId} companyId={recommendation.company.id} />}
        </Card>
      ))}
    </Stack>
  );
}
