import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import './lib/i18n';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createRouter, RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider } from 'urql';
import { createGraphqlClient } from './lib/graphql-client';
import { i18n } from './lib/i18n';
import { SessionProvider, storedToken, useSession } from './lib/session';
import { routeTree } from './routeTree.gen';

const router = createRouter({ routeTree, context: { session: undefined! }, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

const theme = createTheme({
  primaryColor: 'blue',
  // blue.8 (#1971c2): white text on it is 4.9:1 (WCAG AA); the default shade 6 is 3.6:1.
  primaryShade: 8,
  // Noto Sans KR first where it is installed: Hangul and Vietnamese in one face.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", Roboto, sans-serif',
});

function App() {
  const session = useSession();
  const client = useMemo(
    () =>
      createGraphqlClient(storedToken, () => {
        session.signOut();
        void router.navigate({ to: '/sign-in', search: { redirect: router.state.location.href, expired: true } });
      }),
    // A new client per signed-in user: nothing cached for one account is shown to the next.
    [session.token],
  );
  return (
    <UrqlProvider value={client}>
      <RouterProvider router={router} context={{ session }} />
    </UrqlProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <Notifications position="top-center" />
        <SessionProvider>
          <App />
        </SessionProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
