import type { Client } from 'urql';
import { graphql } from '../gql';
import type { Language } from '../locales';
import { currentLanguage } from './i18n';

const SetPreferredLanguage = graphql(`
  mutation SetPreferredLanguage($language: Language) {
    setPreferredLanguage(language: $language) {
      id
      language
    }
  }
`);

/** Keeps the language shown now on the account (for its files and messages), with `token` when it is not stored yet. */
export function rememberLanguageOnAccount(client: Client, token?: string, language: Language = currentLanguage()): void {
  const context = token ? { fetchOptions: { headers: { authorization: `Bearer ${token}` } } } : undefined;
  void client.mutation(SetPreferredLanguage, { language }, context).toPromise();
}
