import { createFileRoute, redirect } from '@tanstack/react-router';
import { ProfilePage } from '../features/profile/components/profile-page';
import { isSignedIn } from '../lib/session';

export const Route = createFileRoute('/profile')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: ProfilePage,
});
