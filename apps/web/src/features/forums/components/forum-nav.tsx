import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';

const PendingRequests = graphql(`
  query PendingRequests($forumId: ID!) {
    meetingRequests(forumId: $forumId, direction: RECEIVED) {
      id
      status
    }
  }
`);

/** Agenda · Participants · Requests of one forum; the current page is marked for screen readers too. */
export function ForumNav({ forumId }: { forumId: string }) {
  const { t } = useTranslation('forums');
  // Received requests still waiting for an answer; urql's document cache refreshes it after an answer.
  const [{ data }] = useQuery({ query: PendingRequests, variables: { forumId } });
  const pending = data?.meetingRequests.filter((request) => request.status === 'PENDING').length ?? 0;
  const style = { padding: '6px 10px', borderRadius: 6, textDecoration: 'none', fontWeight: 600 };
  const active = { style: { ...style, background: 'var(--mantine-color-blue-8)', color: 'white' } };
  const inactive = { style: { ...style, color: 'var(--mantine-color-blue-8)' } };
  return (
    <Group component="nav" aria-label={t('nav.agenda')} gap={4} wrap="wrap">
      <Link to="/forums/$forumId" params={{ forumId }} activeOptions={{ exact: true }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.forum')}
      </Link>
      <Link to="/forums/$forumId/agenda" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.agenda')}
      </Link>
      <Link to="/forums/$forumId/participants" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.participants')}
      </Link>
      <Link to="/forums/$forumId/recommendations" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.recommended')}
      </Link>
      <Link to="/forums/$forumId/requests" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.requests')}
        {pending > 0 && (
          <Badge ml={6} size="sm" color="red.9" variant="filled" data-testid="pending-count">
            {pending}
            <VisuallyHidden> — {t('nav.pending', { count: pending })}</VisuallyHidden>
          </Badge>
        )}
      </Link>
    </Group>
  );
}
