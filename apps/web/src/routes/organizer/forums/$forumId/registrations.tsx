import { createFileRoute, redirect } from '@tanstack/react-router';
import { RegistrationsPage } from '../../../../features/organizer/components/registrations-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/organizer/forums/$forumId/registrations')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId } = Route.useParams();
    return <RegistrationsPage forumId={forumId} />;
  },
});
