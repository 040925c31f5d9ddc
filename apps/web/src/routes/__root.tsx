import { Anchor, AppShell, Button, Group, Text } from '@mantine/core';
import { createRootRouteWithContext, Link, Outlet, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../lib/session';
import { LanguageMenu } from '../ui/language-menu';

export interface RouterContext {
  session: ReturnType<typeof useSession>;
}

export const Route = createRootRouteWithContext<RouterContext>()({ component: Root });

function Root() {
  const { t } = useTranslation();
  // From React state, not the router context: the header follows a sign-in at once.
  const session = useSession();
  const router = useRouter();
  const signOut = () => {
    session.signOut();
    void router.navigate({ to: '/sign-in', search: {} });
  };
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('appName')}>
            <Text fw={700} size="lg" visibleFrom="sm">
              {t('appName')}
            </Text>
            <Text fw={800} size="lg" hiddenFrom="sm" aria-hidden>
              FM
            </Text>
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu />
            {session.token && (
              <>
                <Anchor component={Link} to="/account" size="sm" fw={600}>
                  {t('auth:account')}
                </Anchor>
                <Button variant="subtle" size="compact-sm" onClick={signOut}>
                  {t('signOut')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
