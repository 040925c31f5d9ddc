import { createFileRoute, redirect } from '@tanstack/react-router';
import { AccountPage } from '../features/auth/components/account-page';
import { isSignedIn } from '../lib/session';

export const Route = createFileRoute('/account')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: AccountPage,
});
