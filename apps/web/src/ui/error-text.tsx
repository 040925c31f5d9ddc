import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An API error in the reader's language, by its code (BAD_USER_INPUT, NOT_FOUND, …). */
export function ErrorText({ code }: { code: string | null }) {
  const { t } = useTranslation('errors');
  if (!code) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {t(code, { defaultValue: t('UNKNOWN') })}
    </Alert>
  );
}
