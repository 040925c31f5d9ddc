import { ActionIcon, Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { wallClockToIso } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { useFieldErrors, type FieldErrors } from '../../../ui/field-errors';
import { planForum, type SessionDraft } from '../forum-plan';

const CreateForum = graphql(`
  mutation CreateForum($in: CreateForumInput!) {
    createForum(input: $in) {
      id
    }
  }
`);

/** Where each field of the form lives, to open the step that holds a refused one. */
const STEP_OF: Record<string, number> = { name: 0, venue: 0, timeZone: 0, sides: 0, sessions: 1, slotMinutes: 1, breakMinutes: 1, tableCount: 2, interpreterTableCount: 2, maxMeetingsPerCompany: 2, requestDeadline: 2 };

const SIDES = { KRVN: ['KR', 'VN'], OPEN: [] as string[] };

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['Asia/Ho_Chi_Minh', 'Asia/Seoul'];
}

/** The organiser sets up a forum in three steps, with the slot grid it makes previewed as they type. */
export function ForumWizard() {
  const { t } = useTranslation('organizer');
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [timeZone, setTimeZone] = useState('Asia/Ho_Chi_Minh');
  const [sides, setSides] = useState<keyof typeof SIDES>('KRVN');
  const [sessions, setSessions] = useState<SessionDraft[]>([
    { date: '', start: '09:00', end: '12:00' },
    { date: '', start: '13:30', end: '17:00' },
  ]);
  const [slotMinutes, setSlotMinutes] = useState<number | string>(25);
  const [breakMinutes, setBreakMinutes] = useState<number | string>(5);
  const [tableCount, setTableCount] = useState<number | string>(20);
  const [interpreterTableCount, setInterpreterTableCount] = useState<number | string>(8);
  const [maxMeetings, setMaxMeetings] = useState<number | string>(8);
  const [deadlineDate, setDeadlineDate] = useState('');
  const [requireApproval, setRequireApproval] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { fromError, message } = useFieldErrors();
  const [state, create] = useMutation(CreateForum);
  const zones = useMemo(timeZones, []);
  // On a phone the steps stand one under the other.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const plan = planForum(sessions, timeZone, Number(slotMinutes) || 0, Number(breakMinutes) || 0, Number(tableCount) || 0);

  const setSession = (index: number, key: keyof SessionDraft, value: string) => setSessions(sessions.map((session, i) => (i === index ? { ...session, [key]: value } : session)));
  // A new session starts on the day of the last one: a forum's second day is one tap away.
  const addSession = () => setSessions([...sessions, { date: sessions.at(-1)?.date ?? '', start: '09:00', end: '12:00' }]);

  /** What this step needs before the next one; the server checks everything again. */
  const problems = (upTo: number): FieldErrors => {
    const found: FieldErrors = {};
    if (!name.trim()) found.name = message('text');
    if (upTo >= 1) {
      if (!plan.sessions || plan.slots === 0 || sessions.some((s) => !s.date)) found.sessions = t('wizard.sessionsIncomplete');
      if (!(Number(slotMinutes) >= 5)) found.slotMinutes = message('min');
    }
    if (upTo >= 2) {
      if (!(Number(tableCount) >= 1)) found.tableCount = message('min');
      if (Number(interpreterTableCount) > Number(tableCount)) found.interpreterTableCount = t('wizard.tooManyInterpreterTables');
      if (!(Number(maxMeetings) >= 1)) found.maxMeetingsPerCompany = message('min');
    }
    return found;
  };
  const next = () => {
    const found = problems(step);
    setErrors(found);
    if (Object.keys(found).length === 0) setStep(step + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (step < 2) return next();
    const found = problems(2);
    setErrors(found);
    if (Object.keys(found).length > 0) return setStep(Math.min(...Object.keys(found).map((key) => STEP_OF[key] ?? 2)));
    const requestDeadline = deadlineDate ? wallClockToIso(deadlineDate, '23:59', timeZone) : null;
    const result = await create({
      in: {
        name: name.trim(),
        venue: venue.trim() || null,
        timeZone,
        sides: SIDES[sides],
        sessions: plan.sessions ?? [],
        slotMinutes: Number(slotMinutes),
        breakMinutes: Number(breakMinutes) || 0,
        tableCount: Number(tableCount),
        interpreterTableCount: Number(interpreterTableCount) || 0,
        maxMeetingsPerCompany: Number(maxMeetings),
        requestDeadline,
        requireApproval,
      },
    });
    if (result.error) {
      const refused = fromError(result.error, (field) => field.split(/[.[]/)[0]);
      setErrors(refused);
      const steps = Object.keys(refused).map((key) => STEP_OF[key] ?? 2);
      if (steps.length > 0) setStep(Math.min(...steps));
      return;
    }
    const id = result.data?.createForum.id;
    if (id) void navigate({ to: '/organizer/forums/$forumId', params: { forumId: id } });
  };

  return (
    <Stack maw={1100} mx="auto" gap="md">
      <Title order={1} size="h2">
        {t('wizard.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <form onSubmit={submit} noValidate>
              <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm" mb="md" allowNextStepsSelect={false} orientation={narrow ? 'vertical' : 'horizontal'}>
                <Stepper.Step label={t('wizard.stepForum')}>
                  <Stack gap="sm">
                    <TextInput label={t('wizard.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} />
                    <TextInput label={t('wizard.venue')} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} error={errors.venue} maxLength={200} />
                    <Select label={t('wizard.timeZone')} description={t('wizard.timeZoneHint')} data={zones} value={timeZone} onChange={(value) => value && setTimeZone(value)} searchable error={errors.timeZone} allowDeselect={false} />
                    <div>
                      <Text size="sm" fw={500} id="sides-label">
                        {t('wizard.sides')}
                      </Text>
                      <SegmentedControl
                        aria-labelledby="sides-label"
                        value={sides}
                        onChange={(value) => setSides(value as keyof typeof SIDES)}
                        data={[
                          { value: 'KRVN', label: t('wizard.sidesKrVn') },
                          { value: 'OPEN', label: t('wizard.sidesOpen') },
                        ]}
                      />
                    </div>
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('wizard.stepSessions')}>
                  <Stack gap="sm">
                    <Text size="sm" c="dimmed">
                      {t('wizard.sessionsHint', { timeZone })}
                    </Text>
                    {sessions.map((session, i) => (
                      <Group key={i} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={t('wizard.session', { n: i + 1 })}>
                        <TextInput type="date" label={t('wizard.date')} value={session.date} onChange={(e) => setSession(i, 'date', e.currentTarget.value)} w={160} />
                        <TextInput type="time" label={t('wizard.start')} value={session.start} onChange={(e) => setSession(i, 'start', e.currentTarget.value)} w={136} />
                        <TextInput type="time" label={t('wizard.end')} value={session.end} onChange={(e) => setSession(i, 'end', e.currentTarget.value)} w={136} />
                        <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('wizard.removeSession', { n: i + 1 })} onClick={() => setSessions(sessions.filter((_, j) => j !== i))} disabled={sessions.length === 1}>
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                    {errors.sessions && (
                      <Text size="sm" c="red.9" role="alert">
                        {errors.sessions}
                      </Text>
                    )}
                    <Button variant="default" size="xs" w="fit-content" onClick={addSession}>
                      {t('wizard.addSession')}
                    </Button>
                    <Group grow>
                      <NumberInput label={t('wizard.slotMinutes')} value={slotMinutes} onChange={setSlotMinutes} min={5} max={240} error={errors.slotMinutes} />
                      <NumberInput label={t('wizard.breakMinutes')} value={breakMinutes} onChange={setBreakMinutes} min={0} max={120} error={errors.breakMinutes} />
                    </Group>
                  </Stack>
                </Stepper.Step>
                <Stepper.Step label={t('wizard.stepTables')}>
                  <Stack gap="sm">
                    <Group grow>
                      <NumberInput label={t('wizard.tableCount')} value={tableCount} onChange={setTableCount} min={1} max={500} error={errors.tableCount} />
                      <NumberInput label={t('wizard.interpreterTableCount')} value={interpreterTableCount} onChange={setInterpreterTableCount} min={0} max={500} error={errors.interpreterTableCount} />
                    </Group>
                    <NumberInput label={t('wizard.maxMeetings')} value={maxMeetings} onChange={setMaxMeetings} min={1} max={100} error={errors.maxMeetingsPerCompany} />
                    <Checkbox label={t('wizard.requireApproval')} description={t('wizard.requireApprovalHint')} checked={requireApproval} onChange={(e) => setRequireApproval(e.currentTarget.checked)} />
                    <TextInput type="date" label={t('wizard.requestDeadline')} description={t('wizard.requestDeadlineHint')} value={deadlineDate} onChange={(e) => setDeadlineDate(e.currentTarget.value)} error={errors.requestDeadline} w={220} />
                  </Stack>
                </Stepper.Step>
              </Stepper>
              <ErrorText code={errorCode(state.error)} />
              <Group justify="space-between" mt="md">
                <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>
                  {t('wizard.back')}
                </Button>
                {step < 2 ? (
                  // Distinct keys: the same <button> turned into a submit within its own click would submit the form.
                  <Button key="next" onClick={next}>
                    {t('wizard.next')}
                  </Button>
                ) : (
                  <Button key="create" type="submit" loading={state.fetching}>
                    {t('wizard.create')}
                  </Button>
                )}
              </Group>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PlanPreview plan={plan} sessions={sessions} tables={Number(tableCount) || 0} interpreterTables={Number(interpreterTableCount) || 0} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PlanPreview({ plan, sessions, tables, interpreterTables }: { plan: ReturnType<typeof planForum>; sessions: SessionDraft[]; tables: number; interpreterTables: number }) {
  const { t, i18n } = useTranslation('organizer');
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-preview">
      <Title order={2} size="h4" id="plan-preview" mb="xs">
        {t('wizard.preview')}
      </Title>
      <Text fw={700} size="lg" data-testid="plan-summary" aria-live="polite">
        {t('wizard.summary', { sessions: number.format(sessions.length), slots: number.format(plan.slots), tables: number.format(tables), places: number.format(plan.meetingPlaces) })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('wizard.interpreterSummary', { count: interpreterTables, places: number.format(plan.slots * Math.min(interpreterTables, tables)) })}
      </Text>
      <Stack gap={2}>
        {sessions.map((session, i) => (
          <Text size="sm" key={i}>
            {t('wizard.sessionLine', { n: i + 1, date: session.date || '—', start: session.start || '—', end: session.end || '—', count: plan.slotsPerSession[i] })}
          </Text>
        ))}
      </Stack>
      {plan.slots === 0 && (
        <Alert color="yellow" variant="light" mt="sm">
          {t('wizard.noSlots')}
        </Alert>
      )}
    </Paper>
  );
}
