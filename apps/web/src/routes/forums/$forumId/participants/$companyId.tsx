import { createFileRoute, redirect } from '@tanstack/react-router';
import { CompanyPage } from '../../../../features/participants/components/company-page';
import { isSignedIn } from '../../../../lib/session';

export const Route = createFileRoute('/forums/$forumId/participants/$companyId')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: function Page() {
    const { forumId, companyId } = Route.useParams();
    return <CompanyPage forumId={forumId} companyId={companyId} />;
  },
});
