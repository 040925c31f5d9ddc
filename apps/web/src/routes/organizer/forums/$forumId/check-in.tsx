import { createFileRoute, redirect } from '@tanstack/react-router';
import { CheckInDesk } from '../../../../features/organizer/components/check-in-desk';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/check-in')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <CheckInDesk forumId={forumId} />;
  },
});
