import { createFileRoute, redirect } from '@tanstack/react-router';
import { SchedulePage } from '../../../../features/organizer/components/schedule-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/schedule')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <SchedulePage forumId={forumId} />;
  },
});
