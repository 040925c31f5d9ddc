import { Container } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { SignInForm } from '../features/auth/components/sign-in-form';

interface SignInSearch {
  /** Where to go back to after signing in (a path of this app). */
  redirect?: string;
  /** The previous session ended (token refused). */
  expired?: boolean;
}

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    redirect: typeof search.redirect === 'string' && search.redirect.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : undefined,
    expired: search.expired === true || search.expired === 'true' ? true : undefined,
  }),
  component: SignInPage,
});

function SignInPage() {
  const search = Route.useSearch();
  return (
    <Container size={420} py="xl">
      <SignInForm redirectTo={search.redirect} expired={search.expired === true} />
    </Container>
  );
}
