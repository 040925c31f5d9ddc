import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { errorCode } from '../../../lib/graphql-client';
import { ErrorText } from '../../../ui/error-text';

const Unsubscribe = graphql(`
  mutation Unsubscribe($token: String!) {
    unsubscribe(token: $token)
  }
`);

/** An email's unsubscribe link: one button (mail scanners follow links; a person confirms). */
export function UnsubscribePage({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const [state, unsubscribe] = useMutation(Unsubscribe);
  const category = state.data?.unsubscribe;
  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <Stack>
        <Title order={1} size="h2">
          {t('unsubscribe.title')}
        </Title>
        {category ? (
          <Alert color="green" variant="light" role="status" data-testid="unsubscribed">
            {t('unsubscribe.done', { category: t(`notifications.category.${category}`) })}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('unsubscribe.intro')}</Text>
            <ErrorText code={errorCode(state.error)} />
            <Button onClick={() => unsubscribe({ token })} loading={state.fetching} disabled={!token}>
              {t('unsubscribe.confirm')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
