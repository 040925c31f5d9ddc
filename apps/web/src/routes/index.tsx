import { createFileRoute, redirect } from '@tanstack/react-router';
import { isSignedIn, storedRole } from '../lib/session';

export const Route = createFileRoute('/')({
  beforeLoad: () => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: {} });
    // Organisers start in their console; companies and delegates at their forums.
    throw redirect({ to: storedRole() === 'ORGANIZER' ? '/organizer' : '/forums' });
  },
});
