import { createFileRoute, redirect } from '@tanstack/react-router';
import { OutboxPage } from '../../../../features/organizer/components/outbox-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/outbox')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <OutboxPage forumId={forumId} />;
  },
});
