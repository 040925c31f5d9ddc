import { Alert, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { OutcomeTotalsFieldsFragment } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { DownloadButton } from '../../../ui/download-button';
import { ErrorText } from '../../../ui/error-text';
import { OrganizerNav } from './organizer-nav';

graphql(`
  fragment OutcomeTotalsFields on OutcomeTotals {
    key
    meetings
    reported
    strongInterest
    inDiscussion
    mou
    signed
    values {
      currency
      amount
    }
  }
`);

const Outcomes = graphql(`
  query ForumOutcomesReport($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
    }
    forumOutcomes(forumId: $forumId) {
      planned
      held
      noShows
      unmarked
      refilled
      freed
      noShowsBySide {
        side
        count
      }
      totals {
        ...OutcomeTotalsFields
      }
      bySide {
        ...OutcomeTotalsFields
      }
      bySector {
        ...OutcomeTotalsFields
      }
      rounds {
        round
        months
        totals {
          ...OutcomeTotalsFields
        }
      }
    }
  }
`);

const RequestFollowUp = graphql(`
  mutation RequestOutcomeFollowUp($forumId: ID!, $months: Int!) {
    requestOutcomeFollowUp(forumId: $forumId, months: $months) {
      round
      months
    }
  }
`);

/**
 * What the forum's funders ask for: meetings planned, held, missed (by side)
 * and re-filled; what companies report of them (interest, MoUs, contracts,
 * expected value) overall, by side, by sector and over time; the XLSX in the
 * shape of their consultation logs; and follow-ups months later.
 */
export function OutcomesPage({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('organizer');
  const [{ data, error }, refresh] = useQuery({ query: Outcomes, variables: { forumId } });
  const [asking, setAsking] = useState<number | null>(null);
  const [state, request] = useMutation(RequestFollowUp);
  const [asked, setAsked] = useState<number | null>(null);
  if (!data) return error ? <ErrorText code={errorCode(error)} /> : <Loader role="status" aria-label={t('common:loading')} />;
  const report = data.forumOutcomes;
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const money = (values: OutcomeTotalsFieldsFragment['values']) =>
    values.length ? values.map((value) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: value.currency, maximumFractionDigits: 0 }).format(value.amount)).join(' · ') : '—';
  const ask = async () => {
    if (asking === null) return;
    const result = await request({ forumId, months: asking });
    if (result.data) {
      setAsked(result.data.requestOutcomeFollowUp.months);
      setAsking(null);
      refresh({ requestPolicy: 'network-only' });
    }
  };
  const figures: [string, number, string?][] = [
    [t('outcomes.planned'), report.planned],
    [t('outcomes.held'), report.held, report.planned ? `${Math.round((100 * report.held) / report.planned)} %` : undefined],
    [t('outcomes.noShows'), report.noShows, report.noShowsBySide.map((entry) => `${entry.side} ${entry.count}`).join(' · ') || undefined],
    [t('outcomes.refilled'), report.refilled, report.freed ? t('outcomes.ofFreed', { count: report.freed }) : undefined],
    [t('outcomes.signed'), report.totals.signed],
    [t('outcomes.mou'), report.totals.mou],
    [t('outcomes.inDiscussion'), report.totals.inDiscussion],
    [t('outcomes.reported'), report.totals.reported, t('outcomes.ofReports', { count: 2 * (report.planned + report.refilled - report.noShows) })],
  ];
  const table = (rows: (OutcomeTotalsFieldsFragment & { label?: string })[], first: string) => (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{first}</Table.Th>
            <Table.Th ta="right">{t('outcomes.meetings')}</Table.Th>
            <Table.Th ta="right">{t('outcomes.reported')}</Table.Th>
            <Table.Th ta="right">{t('outcomes.strongInterest')}</Table.Th>
            <Table.Th ta="right">{t('outcomes.inDiscussion')}</Table.Th>
            <Table.Th ta="right">{t('outcomes.mou')}</Table.Th>
            <Table.Th ta="right">{t('outcomes.signed')}</Table.Th>
            <Table.Th ta="right">{t('outcomes.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label ?? row.key}>
              <Table.Td>{row.label ?? row.key}</Table.Td>
              <Table.Td ta="right">{number(row.meetings)}</Table.Td>
              <Table.Td ta="right">{number(row.reported)}</Table.Td>
              <Table.Td ta="right">{number(row.strongInterest)}</Table.Td>
              <Table.Td ta="right">{number(row.inDiscussion)}</Table.Td>
              <Table.Td ta="right">{number(row.mou)}</Table.Td>
              <Table.Td ta="right">{number(row.signed)}</Table.Td>
              <Table.Td ta="right">{money(row.values)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <Stack gap="md">
      <OrganizerNav forumId={forumId} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('outcomes.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {data.forum.name}
          </Text>
        </Stack>
        <DownloadButton path={`/forums/${forumId}/outcomes.xlsx?lang=${i18n.language}`} filename="outcomes.xlsx" label={t('outcomes.download')} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="outcome-figures">
        {figures.map(([label, value, detail]) => (
          <Card key={label} withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {number(value)}
            </Text>
            {detail && (
              <Text size="xs" c="dimmed">
                {detail}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder radius="md" padding="sm">
        <Text size="xs" c="dimmed">
          {t('outcomes.value')}
        </Text>
        <Text fw={700} size="xl" data-testid="outcome-value">
          {money(report.totals.values)}
        </Text>
      </Card>
      <Title order={2} size="h4">
        {t('outcomes.bySide')}
      </Title>
      {table(report.bySide, t('outcomes.side'))}
      <Title order={2} size="h4">
        {t('outcomes.bySector')}
      </Title>
      {table(report.bySector, t('outcomes.sector'))}
      <Title order={2} size="h4">
        {t('outcomes.overTime')}
      </Title>
      {table(
        report.rounds.map((round) => ({ ...round.totals, label: round.round === 0 ? t('outcomes.forumDay') : t('outcomes.monthsOn', { count: round.months }) })),
        t('outcomes.round'),
      )}
      <Card withBorder radius="md" padding="md" component="section" aria-label={t('outcomes.followUp.title')}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('outcomes.followUp.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('outcomes.followUp.intro')}
          </Text>
          <Group gap="sm">
            {[3, 6].map((months) => (
              <Button key={months} variant="default" onClick={() => setAsking(months)}>
                {t('outcomes.followUp.ask', { count: months })}
              </Button>
            ))}
          </Group>
          {asked !== null && (
            <Alert color="teal" variant="light" role="status">
              {t('outcomes.followUp.done', { count: asked })}
            </Alert>
          )}
        </Stack>
      </Card>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={t('outcomes.followUp.confirmTitle', { count: asking ?? 0 })}>
        <Stack gap="sm">
          <Text size="sm">{t('outcomes.followUp.confirm')}</Text>
          <ErrorText code={errorCode(state.error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('outcomes.followUp.cancel')}
            </Button>
            <Button onClick={ask} loading={state.fetching}>
              {t('outcomes.followUp.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
