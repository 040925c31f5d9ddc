import { createFileRoute, redirect } from '@tanstack/react-router';
import { OrganizerForumPage } from '../../../../features/organizer/components/organizer-forum-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <OrganizerForumPage forumId={forumId} />;
  },
});
