import { createFileRoute, redirect } from '@tanstack/react-router';
import { isSignedIn } from '../../lib/session';
import { ForumList } from '../../features/forums/components/forum-list';

export const Route = createFileRoute('/forums/')({
  beforeLoad: ({ location }) => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: ForumList,
});
