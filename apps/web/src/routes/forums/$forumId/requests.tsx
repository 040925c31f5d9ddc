import { createFileRoute, redirect } from '@tanstack/react-router';
import { RequestsPage } from '../../../features/requests/components/requests-page';
import { isSignedIn } from '../../../lib/session';

export const Route = createFileRoute('/forums/$forumId/requests')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <RequestsPage forumId={forumId} />;
  },
});
