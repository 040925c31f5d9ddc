import { createFileRoute, redirect } from '@tanstack/react-router';
import { ForumWizard } from '../../../features/organizer/components/forum-wizard';
import { isSignedIn } from '../../../lib/session';

export const Route = createFileRoute('/organizer/forums/new')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: ForumWizard,
});
