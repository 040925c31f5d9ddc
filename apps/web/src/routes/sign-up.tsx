import { Container } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { SignUpForm } from '../features/auth/components/sign-up-form';

export const Route = createFileRoute('/sign-up')({
  component: () => (
    <Container size={460} py="xl">
      <SignUpForm />
    </Container>
  ),
});
