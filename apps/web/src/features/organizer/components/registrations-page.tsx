import { Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ForumRegistrationsQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { AnchorLink } from '../../../ui/anchor-link';
import { ErrorText } from '../../../ui/error-text';
import { countryName } from '../../participants/components/names';
import { OrganizerNav } from './organizer-nav';

const ForumRegistrations = graphql(`
  query ForumRegistrations($forumId: ID!) {
    forum(id: $forumId) {
      id
      slots {
        id
      }
    }
    registrations(forumId: $forumId) {
      id
      status
      side
      maxMeetings
      unavailableSlotIds
      delegates {
        id
        name
        email
      }
      activity {
        requestsSent
        requestsReceived
        requestsAccepted
        requestsAwaitingAnswer
        meetings
      }
      company {
        id
        name
        country
        city
        offers
        seeks
        sectors
        description
        languages
      }
    }
  }
`);

const SetRegistrationStatus = graphql(`
  mutation SetRegistrationStatus($id: ID!, $status: RegistrationStatus!) {
    setRegistrationStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

type Registration = ForumRegistrationsQuery['registrations'][number];

/** How complete a profile is for matching: what it offers, seeks, its sectors, languages and description. */
function completeness(company: NonNullable<Registration['company']>): number {
  const parts = [company.offers.length > 0, company.seeks.length > 0, company.sectors.length > 0, company.languages.length > 0, Boolean(company.description)];
  return parts.filter(Boolean).length / parts.length;
}

/** Companies to chase by phone: those that asked nobody and nobody asked, those with nothing accepted, those without a meeting. */
const CHASE = {
  all: () => true,
  pending: (registration: Registration) => registration.status === 'PENDING',
  noRequests: (registration: Registration) => (registration.activity?.requestsSent ?? 0) + (registration.activity?.requestsReceived ?? 0) === 0,
  noAccepted: (registration: Registration) => (registration.activity?.requestsAccepted ?? 0) === 0,
  awaiting: (registration: Registration) => (registration.activity?.requestsAwaitingAnswer ?? 0) > 0,
  noMeetings: (registration: Registration) => (registration.activity?.meetings ?? 0) === 0,
};

/** The organiser's table of registered companies: side, delegates, availability, requests, meetings, profile completeness. */
export function RegistrationsPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data, fetching, error }] = useQuery({ query: ForumRegistrations, variables: { forumId } });
  const [deciding, decide] = useMutation(SetRegistrationStatus);
  const [search, setSearch] = useState('');
  const [chase, setChase] = useState<keyof typeof CHASE>('all');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const query = search.trim().toLowerCase();
  const rows = data.registrations.filter(CHASE[chase]).filter((registration) => !query || registration.company?.name.toLowerCase().includes(query) || registration.delegates.some((delegate) => delegate.name.toLowerCase().includes(query)));
  const slots = data.forum.slots.length;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <OrganizerNav forumId={forumId} />
      <Title order={1} size="h2">
        {t('registrations.title')}
      </Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput label={t('registrations.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} />
        <div>
          <Text size="sm" fw={500} id="chase-label">
            {t('registrations.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="chase-label"
            value={chase}
            onChange={(value) => setChase(value as keyof typeof CHASE)}
            data={(Object.keys(CHASE) as (keyof typeof CHASE)[]).map((key) => ({ value: key, label: t(`registrations.chase.${key}`) }))}
          />
        </div>
      </Group>
      <Text size="sm" aria-live="polite">
        {t('registrations.count', { count: rows.length })}
      </Text>
      <ErrorText code={errorCode(deciding.error)} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing={4} data-testid="registrations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registrations.company')}</Table.Th>
              <Table.Th>{t('registrations.status')}</Table.Th>
              <Table.Th>{t('registrations.side')}</Table.Th>
              <Table.Th>{t('registrations.delegates')}</Table.Th>
              <Table.Th>{t('registrations.availability')}</Table.Th>
              <Table.Th>{t('registrations.requests')}</Table.Th>
              <Table.Th>{t('registrations.accepted')}</Table.Th>
              <Table.Th>{t('registrations.meetings')}</Table.Th>
              <Table.Th>{t('registrations.profile')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((registration) => {
              const complete = registration.company ? completeness(registration.company) : 0;
              return (
                <Table.Tr key={registration.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {registration.company?.name}
                    </Text>
                    {registration.company && registration.status === 'APPROVED' && (
                      <AnchorLink size="xs" to="/organizer/forums/$forumId/companies/$companyId" params={{ forumId, companyId: registration.company.id }} search={{ name: registration.company.name }} aria-label={`${t('registrations.seeAs')}: ${registration.company.name}`}>
                        {t('registrations.seeAs')}
                      </AnchorLink>
                    )}
                    <Text size="xs" c="dimmed">
                      {[registration.company ? countryName(registration.company.country, i18n.language) : null, registration.company?.city].filter(Boolean).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={registration.status === 'APPROVED' ? 'teal.9' : registration.status === 'PENDING' ? 'orange.9' : 'red.9'}>
                      {t(`registrations.statusName.${registration.status}`)}
                    </Badge>
                    <Group gap={4} mt={4} wrap="nowrap">
                      {registration.status !== 'APPROVED' && (
                        <Button size="compact-xs" loading={deciding.fetching} onClick={() => decide({ id: registration.id, status: 'APPROVED' })} aria-label={`${t('registrations.approve')}: ${registration.company?.name}`}>
                          {t('registrations.approve')}
                        </Button>
                      )}
                      {registration.status !== 'REJECTED' && (
                        <Button size="compact-xs" variant="default" loading={deciding.fetching} onClick={() => decide({ id: registration.id, status: 'REJECTED' })} aria-label={`${t('registrations.reject')}: ${registration.company?.name}`}>
                          {t('registrations.reject')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{registration.side ?? '—'}</Table.Td>
                  <Table.Td>
                    {registration.delegates.map((delegate) => (
                      <Text size="sm" key={delegate.id}>
                        {delegate.name} <Text span size="xs" c="dimmed">{delegate.email}</Text>
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{t('registrations.available', { free: slots - registration.unavailableSlotIds.length, slots })}</Table.Td>
                  <Table.Td>
                    {t('registrations.sentReceived', { sent: registration.activity?.requestsSent ?? 0, received: registration.activity?.requestsReceived ?? 0 })}
                    {(registration.activity?.requestsAwaitingAnswer ?? 0) > 0 && (
                      <Text size="xs" c="red.9">
                        {t('registrations.awaiting', { count: registration.activity?.requestsAwaitingAnswer ?? 0 })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{registration.activity?.requestsAccepted ?? 0}</Table.Td>
                  <Table.Td>{registration.activity?.meetings ?? 0}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={complete < 0.6 ? 'red.9' : 'gray.8'}>
                      {percent.format(complete)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
