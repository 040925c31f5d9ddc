import { Alert, Badge, Button, Card, Checkbox, Group, Loader, Modal, NumberInput, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../../../gql';
import type { ScheduleForumQuery, ScheduleMeetingsQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { clockTime } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { compareSchedules, type GridMeeting } from '../schedule-grid-model';
import { OrganizerNav } from './organizer-nav';
import { CompaniesGrid } from './companies-grid';
import { ScheduleGrid } from './schedule-grid';

const ScheduleForum = graphql(`
  query ScheduleForum($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      timeZone
      status
      slots {
        id
        startsAt
        endsAt
      }
      tables {
        id
        number
        label
        interpreter
      }
    }
    registrations(forumId: $forumId) {
      companyId
      unavailableSlotIds
      company {
        id
        name
      }
    }
    scheduleRuns(forumId: $forumId) {
      id
      status
      phase
      progress
      createdAt
      error
      stats {
        ...RunStats
      }
    }
  }
`);

graphql(`
  fragment RunStats on ScheduleStats {
    meetings
    weight
    upperBound
    gap
    optimal
    holes
    requestsFulfilled
    requestsTotal
  }
`);

const ScheduleMeetings = graphql(`
  query ScheduleMeetings($forumId: ID!, $runId: ID) {
    schedule(forumId: $forumId, runId: $runId) {
      id
      runId
      status
      version
      meetings {
        id
        pinned
        slot {
          id
        }
        table {
          id
        }
        companies {
          id
          name
          languages
        }
      }
    }
  }
`);

const GenerateSchedule = graphql(`
  mutation GenerateSchedule($forumId: ID!, $options: GenerateScheduleOptions) {
    generateSchedule(forumId: $forumId, options: $options) {
      id
      status
      phase
      progress
    }
  }
`);

const RunUpdated = graphql(`
  subscription RunUpdated($id: ID!) {
    scheduleRunUpdated(id: $id) {
      id
      status
      phase
      progress
      error
    }
  }
`);

const CancelRun = graphql(`
  mutation CancelRun($id: ID!) {
    cancelScheduleRun(id: $id) {
      id
      status
    }
  }
`);

const Unscheduled = graphql(`
  query Unscheduled($forumId: ID!) {
    unscheduledRequests(forumId: $forumId) {
      id
      priority
      from {
        id
        name
        languages
      }
      to {
        id
        name
        languages
      }
    }
  }
`);

const Publish = graphql(`
  mutation Publish($runId: ID!) {
    publishSchedule(runId: $runId) {
      id
      version
    }
  }
`);

type Run = ScheduleForumQuery['scheduleRuns'][number];
type ScheduleData = NonNullable<ScheduleMeetingsQuery['schedule']>;

export function toGridMeetings(schedule: ScheduleData | null | undefined): GridMeeting[] {
  return (schedule?.meetings ?? []).map((meeting) => ({ id: meeting.id, pinned: meeting.pinned, slotId: meeting.slot.id, tableId: meeting.table.id, companies: meeting.companies }));
}

/** Generate, follow, compare, publish and fix a forum's schedule. */
export function SchedulePage({ forumId }: { forumId: string }) {
  const { t } = useTranslation('organizer');
  const [{ data, fetching, error }, refetchForum] = useQuery({ query: ScheduleForum, variables: { forumId } });
  const [{ data: published }, refetchPublished] = useQuery({ query: ScheduleMeetings, variables: { forumId, runId: null } });
  const [viewRunId, setViewRunId] = useState<string | null>(null);
  const [{ data: draft }] = useQuery({ query: ScheduleMeetings, variables: { forumId, runId: viewRunId }, pause: !viewRunId });
  const [activeRunId, setActiveRunId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [publishing, setPublishing] = useState<Run | null>(null);
  const [placing, setPlacing] = useState<GridMeeting | null>(null);
  const [view, setView] = useState<'tables' | 'companies'>('tables');
  const [{ data: unscheduled }, refetchUnscheduled] = useQuery({ query: Unscheduled, variables: { forumId } });
  const [publishState, publish] = useMutation(Publish);
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const { forum } = data;
  const publishedSchedule = published?.schedule ?? null;
  const viewing = viewRunId ? (draft?.schedule ?? null) : publishedSchedule;
  const refresh = () => {
    refetchForum({ requestPolicy: 'network-only' });
    refetchPublished({ requestPolicy: 'network-only' });
    refetchUnscheduled({ requestPolicy: 'network-only' });
  };
  const confirmPublish = async () => {
    if (!publishing) return;
    const result = await publish({ runId: publishing.id });
    if (result.error) return;
    setPublishing(null);
    setViewRunId(null);
    refresh();
  };
  return (
    <Stack maw={1400} mx="auto" gap="md">
      <OrganizerNav forumId={forumId} />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('schedule.title')}
        </Title>
        <Badge size="lg" variant="outline">
          {t(`forums:status.${forum.status}`)}
        </Badge>
      </Group>
      <GeneratePanel
        forumId={forumId}
        hasPublished={Boolean(publishedSchedule)}
        activeRunId={activeRunId}
        running={running}
        onStarted={(runId) => {
          setActiveRunId(runId);
          setRunning(true);
        }}
        onEnded={(runId) => {
          setRunning(false);
          setViewRunId(runId);
          refresh();
        }}
      />
      <RunsTable runs={data.scheduleRuns} publishedRunId={publishedSchedule?.runId ?? null} viewRunId={viewRunId} onView={setViewRunId} onPublish={setPublishing} />
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="grid-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="grid-title">
            {viewRunId ? t('schedule.draftGrid') : t('schedule.publishedGrid', { version: publishedSchedule?.version ?? '—' })}
          </Title>
          {viewRunId && publishedSchedule && draft?.schedule && <ComparisonText draft={toGridMeetings(draft.schedule)} published={toGridMeetings(publishedSchedule)} />}
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => setView(value as 'tables' | 'companies')}
            data={[
              { value: 'tables', label: t('grid.byTable') },
              { value: 'companies', label: t('grid.byCompany') },
            ]}
            aria-label={t('grid.view')}
          />
        </Group>
        {!viewRunId && publishedSchedule && (unscheduled?.unscheduledRequests.length ?? 0) > 0 && (
          <Card withBorder radius="sm" padding="xs" mb="sm" component="section" aria-labelledby="unscheduled-title" data-testid="unscheduled">
            <Text fw={600} size="sm" id="unscheduled-title">
              {t('schedule.unscheduled', { count: unscheduled!.unscheduledRequests.length })}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {placing ? t('schedule.placingHint', { pair: placing.companies.map((company) => company.name).join(' × ') }) : t('schedule.unscheduledHint')}
            </Text>
            <Group gap={4} wrap="wrap">
              {unscheduled!.unscheduledRequests.map((request) => {
                const active = placing?.id === `request:${request.id}`;
                return (
                  <Button
                    key={request.id}
                    size="compact-xs"
                    variant={active ? 'filled' : 'default'}
                    aria-pressed={active}
                    onClick={() => setPlacing(active ? null : { id: `request:${request.id}`, pinned: true, slotId: '', tableId: '', companies: [request.from, request.to] })}
                  >
                    {`${request.from.name} × ${request.to.name} (${request.priority})`}
                  </Button>
                );
              })}
            </Group>
          </Card>
        )}
        {viewing && view === 'companies' ? (
          <CompaniesGrid forum={forum} registrations={data.registrations} meetings={toGridMeetings(viewing)} />
        ) : viewing ? (
          <ScheduleGrid
            key={viewing.id}
            forum={forum}
            registrations={data.registrations}
            meetings={toGridMeetings(viewing)}
            editable={!viewRunId && viewing.status === 'PUBLISHED'}
            placing={placing}
            onPlaced={() => setPlacing(null)}
            onChanged={() => {
              refetchPublished({ requestPolicy: 'network-only' });
              refetchUnscheduled({ requestPolicy: 'network-only' });
            }}
          />
        ) : (
          <Text c="dimmed">{t('schedule.nothingYet')}</Text>
        )}
      </Card>
      <Modal opened={publishing !== null} onClose={() => setPublishing(null)} title={t('schedule.publishTitle')} centered>
        {publishing && (
          <Stack>
            <PublishSummary forumId={forumId} run={publishing} published={toGridMeetings(publishedSchedule)} />
            <ErrorText code={errorCode(publishState.error)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPublishing(null)}>
                {t('participants:cancel')}
              </Button>
              <Button onClick={confirmPublish} loading={publishState.fetching}>
                {t('schedule.publish')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function ComparisonText({ draft, published }: { draft: GridMeeting[]; published: GridMeeting[] }) {
  const { t } = useTranslation('organizer');
  const diff = compareSchedules(draft, published);
  return (
    <Text size="sm" data-testid="comparison">
      {t('schedule.comparison', { ...diff })}
    </Text>
  );
}

function PublishSummary({ forumId, run, published }: { forumId: string; run: Run; published: GridMeeting[] }) {
  const { t } = useTranslation('organizer');
  const [{ data }] = useQuery({ query: ScheduleMeetings, variables: { forumId, runId: run.id } });
  const draft = useMemo(() => toGridMeetings(data?.schedule), [data]);
  if (!data) return <Loader size="sm" />;
  const diff = compareSchedules(draft, published);
  return (
    <Text data-testid="publish-summary">
      {published.length === 0 ? t('schedule.publishFirst', { companies: diff.companies, meetings: draft.length }) : t('schedule.publishChanges', { ...diff })}
    </Text>
  );
}

function GeneratePanel(props: { forumId: string; hasPublished: boolean; activeRunId: string | null; running: boolean; onStarted(id: string): void; onEnded(id: string): void }) {
  const { t } = useTranslation('organizer');
  const [seconds, setSeconds] = useState<number | string>(10);
  const [keepPublished, setKeepPublished] = useState(false);
  const [includeRecommendations, setIncludeRecommendations] = useState(false);
  const [state, generate] = useMutation(GenerateSchedule);
  const start = async () => {
    const result = await generate({
      forumId: props.forumId,
      options: { timeLimitMs: Math.round((Number(seconds) || 10) * 1000), keepPublished: keepPublished && props.hasPublished, includeRecommendations },
    });
    const id = result.data?.generateSchedule.id;
    if (id) props.onStarted(id);
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="generate-title">
      <Title order={2} size="h4" id="generate-title" mb="xs">
        {t('schedule.generateTitle')}
      </Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NumberInput label={t('schedule.timeLimit')} value={seconds} onChange={setSeconds} min={1} max={600} w={180} />
        <Checkbox label={t('schedule.keepPublished')} checked={keepPublished} onChange={(e) => setKeepPublished(e.currentTarget.checked)} disabled={!props.hasPublished} />
        <Checkbox label={t('schedule.includeRecommendations')} checked={includeRecommendations} onChange={(e) => setIncludeRecommendations(e.currentTarget.checked)} />
        <Button onClick={start} loading={state.fetching} disabled={props.running}>
          {t('schedule.generate')}
        </Button>
      </Group>
      <ErrorText code={errorCode(state.error)} />
      {props.activeRunId && <RunProgress key={props.activeRunId} runId={props.activeRunId} onEnded={() => props.onEnded(props.activeRunId!)} />}
    </Card>
  );
}

/** A run's phase and percent as the worker reports them (graphql-ws), with a cancel button while it runs; the outcome stays shown. */
function RunProgress({ runId, onEnded }: { runId: string; onEnded(): void }) {
  const { t } = useTranslation('organizer');
  const [ended, setEnded] = useState(false);
  const [{ data }] = useSubscription({ query: RunUpdated, variables: { id: runId } }, (_previous, next) => {
    const status = next.scheduleRunUpdated.status;
    if (!ended && status !== 'QUEUED' && status !== 'RUNNING') {
      setEnded(true);
      queueMicrotask(onEnded);
    }
    return next;
  });
  const [cancelling, cancel] = useMutation(CancelRun);
  const run = data?.scheduleRunUpdated;
  const running = !run || run.status === 'QUEUED' || run.status === 'RUNNING';
  return (
    <Stack gap={4} mt="sm" data-testid="run-progress" data-status={run?.status ?? 'QUEUED'}>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {!run
            ? t('schedule.queued')
            : running
              ? t('schedule.progress', { phase: t(`schedule.phase.${run.phase}`, { defaultValue: run.phase }), percent: run.progress })
              : `${t(`schedule.runStatus.${run.status}`)}${run.error ? ` — ${run.error}` : ''}`}
        </Text>
        {running && (
          <Button size="xs" variant="subtle" color="red.9" onClick={() => cancel({ id: runId })} loading={cancelling.fetching}>
            {t('schedule.cancelRun')}
          </Button>
        )}
      </Group>
      <Progress value={run?.progress ?? 0} animated={running} color={run?.status === 'FAILED' || run?.status === 'CANCELLED' ? 'red.9' : undefined} aria-label={t('schedule.progressLabel')} />
    </Stack>
  );
}

function RunsTable(props: { runs: Run[]; publishedRunId: string | null; viewRunId: string | null; onView(id: string | null): void; onPublish(run: Run): void }) {
  const { t, i18n } = useTranslation('organizer');
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (props.runs.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="runs-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="runs-title">
          {t('schedule.runs')}
        </Title>
        {props.publishedRunId && (
          <SegmentedControl
            size="xs"
            value={props.viewRunId ? 'draft' : 'published'}
            onChange={(value) => value === 'published' && props.onView(null)}
            data={[
              { value: 'published', label: t('schedule.showPublished') },
              { value: 'draft', label: t('schedule.showDraft'), disabled: !props.viewRunId },
            ]}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('schedule.started')}</Table.Th>
              <Table.Th>{t('schedule.status')}</Table.Th>
              <Table.Th>{t('schedule.result')}</Table.Th>
              <Table.Th>{t('schedule.fulfilled')}</Table.Th>
              <Table.Th>{t('schedule.holes')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.runs.map((run) => (
              <Table.Tr key={run.id} data-testid="schedule-run">
                <Table.Td>{clockTime(run.createdAt, i18n.language, viewer)}</Table.Td>
                <Table.Td>
                  {t(`schedule.runStatus.${run.status}`)}
                  {run.id === props.publishedRunId && (
                    <Badge ml={6} size="sm" color="teal.9">
                      {t('schedule.isPublished')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {run.stats
                    ? t('schedule.ofBound', {
                        weight: number.format(Math.round(run.stats.weight)),
                        bound: number.format(Math.round(run.stats.upperBound)),
                        percent: percent.format(run.stats.upperBound > 0 ? run.stats.weight / run.stats.upperBound : 1),
                        meetings: number.format(run.stats.meetings),
                      })
                    : (run.error ?? '—')}
                  {run.stats?.optimal && (
                    <Badge ml={6} size="sm" variant="outline" color="teal.9" title={t('schedule.optimalHint')}>
                      {t('schedule.optimal')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{run.stats ? `${number.format(run.stats.requestsFulfilled)} / ${number.format(run.stats.requestsTotal)}` : '—'}</Table.Td>
                <Table.Td>{run.stats ? number.format(run.stats.holes) : '—'}</Table.Td>
                <Table.Td>
                  {run.status === 'SUCCEEDED' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => props.onView(run.id === props.publishedRunId ? null : run.id)}>
                        {t('schedule.view')}
                      </Button>
                      {run.id !== props.publishedRunId && (
                        <Button size="xs" onClick={() => props.onPublish(run)}>
                          {t('schedule.publish')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.runs.some((run) => run.status === 'FAILED') && (
        <Alert color="red" variant="light" mt="xs">
          {t('schedule.failedHint')}
        </Alert>
      )}
    </Card>
  );
}
