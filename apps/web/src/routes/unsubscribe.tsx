import { Container } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { UnsubscribePage } from '../features/auth/components/unsubscribe-page';

export const Route = createFileRoute('/unsubscribe')({
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: typeof search.token === 'string' ? search.token : undefined }),
  component: function Page() {
    const { token } = Route.useSearch();
    return (
      <Container size={480} py="xl">
        <UnsubscribePage token={token ?? ''} />
      </Container>
    );
  },
});
