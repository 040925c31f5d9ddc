import { Container } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { ResetPasswordForm } from '../features/auth/components/password-reset';

export const Route = createFileRoute('/reset-password')({
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: typeof search.token === 'string' ? search.token : undefined }),
  component: function Page() {
    const { token } = Route.useSearch();
    return (
      <Container size={420} py="xl">
        <ResetPasswordForm token={token ?? ''} />
      </Container>
    );
  },
});
