import { createFileRoute, redirect } from '@tanstack/react-router';
import { OutcomesPage } from '../../../../features/organizer/components/outcomes-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/outcomes')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <OutcomesPage forumId={forumId} />;
  },
});
