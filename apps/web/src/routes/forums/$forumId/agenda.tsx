import { createFileRoute, redirect } from '@tanstack/react-router';
import { isSignedIn } from '../../../lib/session';
import { AgendaPage } from '../../../features/agenda/components/agenda-page';

export const Route = createFileRoute('/forums/$forumId/agenda')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Agenda() {
    const { forumId } = Route.useParams();
    return <AgendaPage forumId={forumId} />;
  },
});
