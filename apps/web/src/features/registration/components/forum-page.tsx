import { Alert, Badge, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ForumPageQuery } from '../../../gql/graphql';
import { errorCode } from '../../../lib/graphql-client';
import { useMe } from '../../../lib/me';
import { clockTime, groupByDay, longDate, sameClock, viewerTimeZone } from '../../../lib/time';
import { ErrorText } from '../../../ui/error-text';
import { areLanguageCodes, languageCodes, looksLikeEmail, useFieldErrors, type FieldErrors } from '../../../ui/field-errors';
import { FollowUpBanner } from '../../agenda/components/outcome-form';
import { ForumNav } from '../../forums/components/forum-nav';

/** The registration input's fields → this form's (one delegate on the form). */
const FORM_FIELD: Record<string, string> = {
  'delegates.0.name': 'name',
  'delegates.0.email': 'email',
  'delegates.0.languages': 'languages',
  delegates: 'email',
  side: 'side',
};

const ForumPage = graphql(`
  query ForumPage($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      venue
      timeZone
      status
      sides
      slots {
        id
        startsAt
        endsAt
      }
    }
    myRegistration(forumId: $forumId) {
      id
      status
      side
      unavailableSlotIds
      delegates {
        id
        name
      }
    }
  }
`);

const Register = graphql(`
  mutation RegisterForForum($forumId: ID!, $in: RegistrationInput!) {
    registerForForum(forumId: $forumId, input: $in) {
      id
    }
  }
`);

const UpdateAvailability = graphql(`
  mutation UpdateAvailability($forumId: ID!, $in: UpdateRegistrationInput!) {
    updateMyRegistration(forumId: $forumId, input: $in) {
      id
      unavailableSlotIds
    }
  }
`);

type Slot = ForumPageQuery['forum']['slots'][number];
type Forum = ForumPageQuery['forum'];

/** A forum's facts and, while it is open, the company's registration with its delegate and its availability on the slot grid. */
export function ForumOverview({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation('registration');
  const { canAct } = useMe();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ForumPage, variables: { forumId } });
  if (fetching && !data) return <Loader role="status" aria-label={t('common:loading')} />;
  if (!data) return <ErrorText code={errorCode(error)} />;
  const { forum, myRegistration } = data;
  const language = i18n.language;
  return (
    <Stack maw={760} mx="auto" gap="md">
      <ForumNav forumId={forumId} />
      {myRegistration?.status === 'APPROVED' && <FollowUpBanner forumId={forumId} />}
      <Stack gap={2}>
        <Title order={1} size="h2">
          {forum.name}
        </Title>
        {forum.venue && <Text>{forum.venue}</Text>}
        <Group gap="xs">
          <Badge variant="outline">{t(`forums:status.${forum.status}`)}</Badge>
          <Text size="sm" c="dimmed">
            {t('forums:clock', { timeZone: forum.timeZone })}
          </Text>
        </Group>
        {forum.slots.length > 0 && (
          <Text size="sm">
            {groupByDay(forum.slots, forum.timeZone)
              .map((day) => longDate(day[0].startsAt, language, forum.timeZone))
              .join(' · ')}
          </Text>
        )}
      </Stack>
      <Title order={2} size="h3">
        {t('title')}
      </Title>
      {myRegistration ? (
        <>
          {myRegistration.status === 'APPROVED' ? (
            <Alert color="green" variant="light">
              {t('registered')} {t('unavailableCount', { count: myRegistration.unavailableSlotIds.length })}
            </Alert>
          ) : (
            <Alert color={myRegistration.status === 'PENDING' ? 'yellow' : 'red'} variant="light" data-testid="registration-status">
              {t(`status.${myRegistration.status}`)}
            </Alert>
          )}
          {forum.status === 'OPEN' && canAct && <AvailabilityEditor forum={forum} saved={myRegistration.unavailableSlotIds} />}
        </>
      ) : forum.status !== 'OPEN' ? (
        <Text>{t('notOpen')}</Text>
      ) : canAct ? (
        <RegistrationForm forum={forum} onDone={() => refetch({ requestPolicy: 'network-only' })} />
      ) : (
        <Text>{t('profile:readOnly')}</Text>
      )}
    </Stack>
  );
}

function RegistrationForm({ forum, onDone }: { forum: Forum; onDone(): void }) {
  const { t } = useTranslation('registration');
  const [side, setSide] = useState(forum.sides[0] ?? '');
  const [delegate, setDelegate] = useState({ name: '', email: '', languages: '' });
  const [unavailable, setUnavailable] = useState<Set<string>>(new Set());
  const [state, register] = useMutation(Register);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const { fromError, message } = useFieldErrors();
  const toggle = (slot: Slot) =>
    setUnavailable((previous) => toggled(previous, slot.id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const languages = languageCodes(delegate.languages);
    const problems: FieldErrors = {};
    if (!delegate.name.trim()) problems.name = message('text');
    if (!looksLikeEmail(delegate.email)) problems.email = message('isEmail');
    if (!areLanguageCodes(languages)) problems.languages = message('languages');
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await register({
      forumId: forum.id,
      in: { side: side || null, unavailableSlotIds: [...unavailable], delegates: [{ name: delegate.name, email: delegate.email, languages }] },
    });
    if (result.error) return setFieldErrors(fromError(result.error, (field) => FORM_FIELD[field] ?? null));
    onDone();
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {forum.sides.length > 0 && (
            <NativeSelect label={t('side')} value={side} error={fieldErrors.side} onChange={(e) => setSide(e.currentTarget.value)} data={forum.sides} />
          )}
          <TextInput
            label={t('delegateName')}
            error={fieldErrors.name}
            value={delegate.name}
            onChange={(e) => setDelegate({ ...delegate, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('delegateEmail')}
            type="email"
            error={fieldErrors.email}
            value={delegate.email}
            onChange={(e) => setDelegate({ ...delegate, email: e.currentTarget.value })}
          />
          <TextInput
            label={t('delegateLanguages')}
            error={fieldErrors.languages}
            value={delegate.languages}
            onChange={(e) => setDelegate({ ...delegate, languages: e.currentTarget.value })}
          />
          <AvailabilityGrid forum={forum} unavailable={unavailable} onToggle={toggle} />
          <ErrorText code={errorCode(state.error)} />
          <Button type="submit" loading={state.fetching}>
            {t('register')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The forum's slots by day, on its clock (and the reader's when it differs); a tap marks a slot the delegation cannot meet in. */
function AvailabilityGrid({ forum, unavailable, onToggle }: { forum: Forum; unavailable: Set<string>; onToggle(slot: Slot): void }) {
  const { t, i18n } = useTranslation('registration');
  const viewer = viewerTimeZone();
  const language = i18n.language;
  const days = groupByDay(forum.slots, forum.timeZone);
  return (
    <>
      <Title order={3} size="h4">
        {t('availability')}
      </Title>
      <Text size="sm">{t('availabilityHint')}</Text>
      {forum.slots[0] && !sameClock(forum.slots[0].startsAt, forum.timeZone, viewer) && (
        <Text size="xs" c="dimmed">
          {t('viewerClockHint', { timeZone: viewer })}
        </Text>
      )}
      {days.map((slots) => (
        <Stack key={slots[0].id} gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            {longDate(slots[0].startsAt, language, forum.timeZone)}
          </Text>
          <SimpleGrid cols={{ base: 3, sm: 6 }} spacing={6}>
            {slots.map((slot) => {
              const off = unavailable.has(slot.id);
              const own = sameClock(slot.startsAt, forum.timeZone, viewer) ? '' : ` (${clockTime(slot.startsAt, language, viewer)})`;
              return (
                <UnstyledButton
                  key={slot.id}
                  data-testid="slot"
                  aria-pressed={off}
                  aria-label={`${clockTime(slot.startsAt, language, forum.timeZone)}${own}: ${off ? t('unavailable') : t('available')}`}
                  onClick={() => onToggle(slot)}
                  style={{
                    border: '1px solid var(--mantine-color-gray-5)',
                    borderRadius: 6,
                    padding: '6px 4px',
                    textAlign: 'center',
                    background: off ? 'var(--mantine-color-red-9)' : 'white',
                    color: off ? 'white' : 'var(--mantine-color-text)',
                  }}
                >
                  <Text size="sm" fw={700} span>
                    {clockTime(slot.startsAt, language, forum.timeZone)}
                  </Text>
                  {own && (
                    <Text size="xs" span display="block">
                      {clockTime(slot.startsAt, language, viewer)}
                    </Text>
                  )}
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
        </Stack>
      ))}
      <Text size="sm" aria-live="polite">
        {t('unavailableCount', { count: unavailable.size })}
      </Text>
    </>
  );
}

/** A registered company changes its availability while the forum is open. */
function AvailabilityEditor({ forum, saved }: { forum: Forum; saved: string[] }) {
  const { t } = useTranslation('registration');
  const [editing, setEditing] = useState(false);
  const [unavailable, setUnavailable] = useState<Set<string>>(new Set(saved));
  const [state, update] = useMutation(UpdateAvailability);
  const [done, setDone] = useState(false);
  const toggle = (slot: Slot) =>
    setUnavailable((previous) => toggled(previous, slot.id));
  if (!editing) {
    return (
      <Group>
        {done && (
          <Text size="sm" role="status" c="green.9">
            {t('availabilitySaved')}
          </Text>
        )}
        <Button
          variant="default"
          onClick={() => {
            setUnavailable(new Set(saved));
            setDone(false);
            setEditing(true);
          }}
        >
          {t('changeAvailability')}
        </Button>
      </Group>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({ forumId: forum.id, in: { unavailableSlotIds: [...unavailable] } });
    if (result.error) return;
    setDone(true);
    setEditing(false);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <AvailabilityGrid forum={forum} unavailable={unavailable} onToggle={toggle} />
          <ErrorText code={errorCode(state.error)} />
          <Group gap="xs">
            <Button type="submit" loading={state.fetching}>
              {t('saveAvailability')}
            </Button>
            <Button variant="subtle" onClick={() => setEditing(false)}>
              {t('participants:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A copy of `set` with `id` added, or removed when it was there. */
function toggled(set: Set<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
