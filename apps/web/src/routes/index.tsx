import { createFileRoute, redirect } from '@tanstack/react-router';
import { isSignedIn } from '../lib/session';

export const Route = createFileRoute('/')({
  beforeLoad: () => {
    throw redirect(isSignedIn() ? { to: '/forums' } : { to: '/sign-in', search: {} });
  },
});
