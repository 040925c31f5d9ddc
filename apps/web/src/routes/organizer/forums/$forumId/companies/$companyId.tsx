import { createFileRoute, redirect } from '@tanstack/react-router';
import { AgendaPage } from '../../../../../features/agenda/components/agenda-page';
import { isSignedIn } from '../../../../../lib/session';

/** The organiser sees a company's agenda as that company does (`?name=` for the heading, from the registrations table). */
export const Route = createFileRoute('/organizer/forums/$forumId/companies/$companyId')({
  validateSearch: (search: Record<string, unknown>): { name?: string } => (typeof search.name === 'string' ? { name: search.name } : {}),
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId, companyId } = Route.useParams();
    const { name } = Route.useSearch();
    return <AgendaPage forumId={forumId} asCompany={{ id: companyId, name: name ?? '' }} />;
  },
});
