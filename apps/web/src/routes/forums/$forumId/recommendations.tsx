import { createFileRoute, redirect } from '@tanstack/react-router';
import { RecommendationsPage } from '../../../features/participants/components/recommendations-page';
import { isSignedIn } from '../../../lib/session';

export const Route = createFileRoute('/forums/$forumId/recommendations')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <RecommendationsPage forumId={forumId} />;
  },
});
