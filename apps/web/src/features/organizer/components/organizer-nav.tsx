import { Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** All forums · Overview · Registrations · Schedule · Outbox · Check-in · Floor · Outcomes of one forum; the current page is marked for screen readers too. */
export function OrganizerNav({ forumId }: { forumId: string }) {
  const { t } = useTranslation('organizer');
  const style = { padding: '6px 10px', borderRadius: 6, textDecoration: 'none', fontWeight: 600 };
  const active = { style: { ...style, background: 'var(--mantine-color-blue-8)', color: 'white' } };
  const inactive = { style: { ...style, color: 'var(--mantine-color-blue-8)' } };
  return (
    <Group component="nav" aria-label={t('nav.label')} gap={4} wrap="wrap">
      <Link to="/organizer" activeOptions={{ exact: true }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.forums')}
      </Link>
      <Link to="/organizer/forums/$forumId" params={{ forumId }} activeOptions={{ exact: true }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.overview')}
      </Link>
      <Link to="/organizer/forums/$forumId/registrations" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.registrations')}
      </Link>
      <Link to="/organizer/forums/$forumId/schedule" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.schedule')}
      </Link>
      <Link to="/organizer/forums/$forumId/outbox" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.outbox')}
      </Link>
      <Link to="/organizer/forums/$forumId/check-in" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.checkIn')}
      </Link>
      <Link to="/organizer/forums/$forumId/floor" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.floor')}
      </Link>
      <Link to="/organizer/forums/$forumId/outcomes" params={{ forumId }} activeProps={{ ...active, 'aria-current': 'page' }} inactiveProps={inactive}>
        {t('nav.outcomes')}
      </Link>
    </Group>
  );
}
