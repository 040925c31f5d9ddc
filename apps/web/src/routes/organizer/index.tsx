import { createFileRoute, redirect } from '@tanstack/react-router';
import { OrganizerForums } from '../../features/organizer/components/organizer-forums';
import { isSignedIn } from '../../lib/session';

export const Route = createFileRoute('/organizer/')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: OrganizerForums,
});
