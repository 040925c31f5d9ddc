import { Button, Card, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ParticipantFilter, ParticipantsQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/me';
import { AnchorLink } from '../../../ui/anchor-link';
import { ErrorText } from '../../../ui/error-text';
import { ForumNav } from '../../forums/components/forum-nav';
import { countryName, FILTER_LANGUAGES, languageName } from './names';
import { RequestMeetingButton } from './request-meeting-form';

const ForumSides = graphql(`
  query ForumSides($forumId: ID!) {
    forum(id: $forumId) {
      id
      sides
    }
  }
`);

const Participants = graphql(`
  query Participants($forumId: ID!, $filter: ParticipantFilter, $after: String) {
    participants(forumId: $forumId, filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          country
          city
          side
          sectors
          offers
          seeks
          languages
          delegates {
            id
            name
            title
          }
        }
      }
    }
  }
`);

type Participant = ParticipantsQuery['participants']['edges'][number]['node'];

interface Filters {
  text: string;
  keyword: string;
  sector: string;
  side: string;
  language: string;
}

const NO_FILTERS: Filters = { text: '', keyword: '', sector: '', side: '', language: '' };

/** What the API filters on: only the fields filled in, trimmed. */
function toFilter(filters: Filters): ParticipantFilter | null {
  const filter: ParticipantFilter = {};
  for (const key of Object.keys(filters) as (keyof Filters)[]) {
    const value = filters[key].trim();
    if (value) filter[key] = value;
  }
  return Object.keys(filter).length > 0 ? filter : null;
}

/** The other companies of a forum, filtered, a page at a time, with a meeting request for each. */
export function ParticipantsPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('participants');
  const { me, canAct } = useMe();
  const [{ data: forum }] = useQuery({ query: ForumSides, variables: { forumId } });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters, 300);
  const filter = toFilter(debounced);
  const filterKey = JSON.stringify(filter);
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key: filterKey, cursors: [null] });
  // A new filter starts again from the first page.
  const cursors = pages.key === filterKey ? pages.cursors : [null];
  const set = (key: keyof Filters) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFilters((previous) => ({ ...previous, [key]: value }));
  };
  const sides = forum?.forum.sides ?? [];
  return (
    <Stack maw={760} mx="auto" gap="md">
      <ForumNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Stack gap="xs" component="form" role="search" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <TextInput label={t('search')} value={filters.text} onChange={set('text')} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <TextInput label={t('keyword')} value={filters.keyword} onChange={set('keyword')} />
          <TextInput label={t('sector')} value={filters.sector} onChange={set('sector')} />
          <NativeSelect
            label={t('side')}
            value={filters.side}
            onChange={set('side')}
            data={[{ value: '', label: t('any') }, ...sides.map((side) => ({ value: side, label: countryName(side, i18n.language) }))]}
            disabled={sides.length === 0}
          />
          <NativeSelect
            label={t('speaks')}
            value={filters.language}
            onChange={set('language')}
            data={[{ value: '', label: t('any') }, ...FILTER_LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) }))]}
          />
        </SimpleGrid>
        {filter && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setFilters(NO_FILTERS)}>
            {t('clearFilters')}
          </Button>
        )}
      </Stack>
      {cursors.map((after, i) => (
        <ParticipantPage
          key={`${filterKey}|${after ?? ''}`}
          forumId={forumId}
          filter={filter}
          after={after}
          last={i === cursors.length - 1}
          ownCompanyId={me?.company?.id ?? null}
          canAct={canAct}
          onMore={(cursor) => setPages({ key: filterKey, cursors: [...cursors, cursor] })}
        />
      ))}
    </Stack>
  );
}

function ParticipantPage(props: { forumId: string; filter: ParticipantFilter | null; after: string | null; last: boolean; ownCompanyId: string | null; canAct: boolean; onMore(cursor: string): void }) {
  const { t } = useTranslation('participants');
  const [{ data, fetching, error }] = useQuery({ query: Participants, variables: { forumId: props.forumId, filter: props.filter, after: props.after } });
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const { edges, pageInfo, totalCount } = data.participants;
  return (
    <>
      {props.after === null && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {totalCount === 0 ? t('empty') : t('count', { count: totalCount })}
        </Text>
      )}
      {edges.map(({ node }) => (
        <ParticipantCard key={node.id} participant={node} forumId={props.forumId} canRequest={props.canAct && node.id !== props.ownCompanyId} />
      ))}
      {props.last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <Button variant="default" onClick={() => props.onMore(pageInfo.endCursor!)}>
          {t('more')}
        </Button>
      )}
    </>
  );
}

function ParticipantCard({ participant, forumId, canRequest }: { participant: Participant; forumId: string; canRequest: boolean }) {
  const { t, i18n } = useTranslation('participants');
  const list = (items: string[]) => items.join(' · ');
  return (
    <Card withBorder radius="md" padding="sm" data-testid="participant">
      <Text fw={600}>
        <AnchorLink to="/forums/$forumId/participants/$companyId" params={{ forumId, companyId: participant.id }}>
          {participant.name}
        </AnchorLink>{' '}
        <Text span c="dimmed">
          ({[countryName(participant.country, i18n.language), participant.city].filter(Boolean).join(', ')})
        </Text>
      </Text>
      {participant.sectors.length > 0 && (
        <Text size="sm" c="dimmed">
          {list(participant.sectors)}
        </Text>
      )}
      {participant.offers.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('offers')}:</Text> {list(participant.offers)}
        </Text>
      )}
      {participant.seeks.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('seeks')}:</Text> {list(participant.seeks)}
        </Text>
      )}
      {participant.languages.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('languages')}:</Text> {participant.languages.map((code) => languageName(code, i18n.language)).join(', ')}
        </Text>
      )}
      {participant.delegates.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>{t('delegates')}:</Text> {participant.delegates.map((d) => (d.title ? `${d.name} (${d.title})` : d.name)).join(', ')}
        </Text>
      )}
      {canRequest && <RequestMeetingButton forumId={forumId} companyId={participant.id} />}
    </Card>
  );
}
