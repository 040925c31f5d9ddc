import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../lib/session';
import { chooseLanguage, isLanguage } from '../lib/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../locales';

const SetPreferredLanguage = graphql(`
  mutation SetPreferredLanguage($language: Language) {
    setPreferredLanguage(language: $language) {
      id
      language
    }
  }
`);

/** "English / 한국어 / Tiếng Việt" on every page; remembered in this browser, and on the account when signed in. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const { token } = useSession();
  const [, setPreferred] = useMutation(SetPreferredLanguage);
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
        if (token) void setPreferred({ language });
      }}
    />
  );
}
