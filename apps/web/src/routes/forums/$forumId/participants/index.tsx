import { createFileRoute, redirect } from '@tanstack/react-router';
import { ParticipantsPage } from '../../../../features/participants/components/participants-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/forums/$forumId/participants/')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <ParticipantsPage forumId={forumId} />;
  },
});
