import { Container } from '@mantine/core';
import { createFileRoute } from '@tanstack/react-router';
import { ForgotPasswordForm } from '../features/auth/components/password-reset';

export const Route = createFileRoute('/forgot-password')({
  component: () => (
    <Container size={420} py="xl">
      <ForgotPasswordForm />
    </Container>
  ),
});
