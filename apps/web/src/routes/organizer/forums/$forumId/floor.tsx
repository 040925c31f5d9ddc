import { createFileRoute, redirect } from '@tanstack/react-router';
import { FloorPage } from '../../../../features/organizer/components/floor-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/floor')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <FloorPage forumId={forumId} />;
  },
});
