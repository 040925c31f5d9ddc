import { createFileRoute, redirect } from '@tanstack/react-router';
import { ForumOverview } from '../../../features/registration/components/forum-page';
import { isSignedIn } from '../../../lib/session';

export const Route = createFileRoute('/forums/$forumId/')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <ForumOverview forumId={forumId} />;
  },
});
