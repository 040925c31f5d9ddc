import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useSession } from '../lib/session';
import { chooseLanguage, isLanguage } from '../lib/i18n';
import { rememberLanguageOnAccount } from '../lib/language-preference';
import { LANGUAGE_NAMES, LANGUAGES } from '../locales';


/** "English / 한국어 / Tiếng Việt" on every page; remembered in this browser, and on the account when signed in. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const { token } = useSession();
  const client = useClient();
  return (
    <NativeSelect
      aria-label={t('language')}
      size="xs"
      value={i18n.language}
      data={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
      onChange={(event) => {
        const language = event.currentTarget.value;
        if (!isLanguage(language)) return;
        chooseLanguage(language);
        if (token) rememberLanguageOnAccount(client, undefined, language);
      }}
    />
  );
}
