import { Alert, Button, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { Currency, MyOutcomesQuery, OutcomeInterest, OutcomeStatus } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';

export const MyOutcomes = graphql(`
  query MyOutcomes($forumId: ID!) {
    myOutcomes(forumId: $forumId) {
      id
      meetingId
      round
      interest
      status
      valueAmount
      currency
      note
    }
    outcomeRounds(forumId: $forumId) {
      round
      months
    }
  }
`);

const AgendaMeetings = graphql(`
  query AgendaMeetingIds($forumId: ID!) {
    agenda(forumId: $forumId) {
      id
      attendance
    }
  }
`);

const RecordOutcome = graphql(`
  mutation RecordOutcome($meetingId: ID!, $input: OutcomeInput!) {
    recordOutcome(meetingId: $meetingId, input: $input) {
      id
      meetingId
      round
      interest
      status
      valueAmount
      currency
      note
    }
  }
`);

export type Outcome = MyOutcomesQuery['myOutcomes'][number];

const INTERESTS: OutcomeInterest[] = ['NONE', 'SOME', 'STRONG'];
const STATUSES: OutcomeStatus[] = ['NO_FOLLOW_UP', 'IN_DISCUSSION', 'MOU', 'CONTRACT_SIGNED'];
const CURRENCIES: Currency[] = ['USD', 'KRW', 'VND'];

/** A meeting's outcome as one line: "MoU · strong interest · 50,000 USD". */
export function OutcomeSummary({ outcome }: { outcome: Outcome }) {
  const { t, i18n } = useTranslation('agenda');
  const value = outcome.valueAmount !== null && outcome.valueAmount !== undefined && outcome.currency ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency: outcome.currency, maximumFractionDigits: 0 }).format(outcome.valueAmount) : null;
  return (
    <Text size="sm" data-testid="outcome-summary">
      {[t(`outcome.status.${outcome.status}`), t(`outcome.interestIs`, { interest: t(`outcome.interest.${outcome.interest}`) }), value].filter(Boolean).join(' · ')}
    </Text>
  );
}

/**
 * What came of a meeting, recorded by the company after it: interest, where
 * the business stands, expected value, a note only the company sees.
 */
export function OutcomeForm({ meetingId, outcome, onSaved, onCancel }: { meetingId: string; outcome?: Outcome; onSaved: (outcome: Outcome) => void; onCancel: () => void }) {
  const { t } = useTranslation('agenda');
  const [interest, setInterest] = useState<OutcomeInterest>(outcome?.interest ?? 'SOME');
  const [status, setStatus] = useState<OutcomeStatus>(outcome?.status ?? 'IN_DISCUSSION');
  const [value, setValue] = useState<number | string>(outcome?.valueAmount ?? '');
  const [currency, setCurrency] = useState<Currency>(outcome?.currency ?? 'USD');
  const [note, setNote] = useState(outcome?.note ?? '');
  const [state, record] = useMutation(RecordOutcome);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = typeof value === 'number' ? value : null;
    const result = await record({ meetingId, input: { interest, status, valueAmount: amount, currency: amount === null ? null : currency, note: note.trim() || null } });
    if (result.data) onSaved(result.data.recordOutcome);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('outcome.title')}>
      <Stack gap="xs" mt="xs" data-testid="outcome-form">
        <Text size="sm" fw={600} id={`interest-${meetingId}`}>
          {t('outcome.interestLabel')}
        </Text>
        <SegmentedControl aria-labelledby={`interest-${meetingId}`} value={interest} onChange={(next) => setInterest(next as OutcomeInterest)} data={INTERESTS.map((v) => ({ value: v, label: t(`outcome.interest.${v}`) }))} fullWidth />
        <NativeSelect label={t('outcome.statusLabel')} value={status} onChange={(event) => setStatus(event.currentTarget.value as OutcomeStatus)} data={STATUSES.map((v) => ({ value: v, label: t(`outcome.status.${v}`) }))} />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NumberInput label={t('outcome.value')} value={value} onChange={setValue} min={0} thousandSeparator="," allowNegative={false} style={{ flex: 1 }} />
          <NativeSelect label={t('outcome.currency')} value={currency} onChange={(event) => setCurrency(event.currentTarget.value as Currency)} data={CURRENCIES} w={96} />
        </Group>
        <Textarea label={t('outcome.note')} description={t('outcome.noteHint')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <ErrorText code={errorCode(state.error)} />
        <Group gap="xs">
          <Button type="submit" loading={state.fetching}>
            {t('outcome.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('outcome.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A follow-up asked for by the organiser (3, 6 months on): a line on the company's forum pages with a link to its agenda's outcomes. */
export function FollowUpBanner({ forumId, linked = true }: { forumId: string; linked?: boolean }) {
  const { t } = useTranslation('agenda');
  const [{ data }] = useQuery({ query: MyOutcomes, variables: { forumId } });
  const latest = data?.outcomeRounds.at(-1);
  const [{ data: agenda }] = useQuery({ query: AgendaMeetings, variables: { forumId }, pause: !latest });
  if (!latest) return null;
  // Meetings that took place (or were not marked missed) without an outcome of this round yet.
  const current = new Set((data?.myOutcomes ?? []).filter((outcome) => outcome.round >= latest.round).map((outcome) => outcome.meetingId));
  const waiting = (agenda?.agenda ?? []).filter((meeting) => meeting.attendance !== 'NO_SHOW' && !current.has(meeting.id)).length;
  return (
    <Alert color="blue" variant="light" title={t('outcome.followUp.title', { months: latest.months })} data-testid="follow-up">
      <Text size="sm">{waiting > 0 ? t('outcome.followUp.waiting', { count: waiting }) : t('outcome.followUp.body')}</Text>
      {linked && (
        <Link to="/forums/$forumId/agenda" params={{ forumId }} style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-blue-8)' }}>
          {t('outcome.followUp.link')}
        </Link>
      )}
    </Alert>
  );
}
