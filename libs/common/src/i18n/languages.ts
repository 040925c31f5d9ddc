import { createInstance, type TFunction } from 'i18next';
import { en, ko, vi } from './exports.catalogue';

/** The languages the product speaks; one list for the database check, GraphQL and code. */
export const LANGUAGES = ['en', 'ko', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a company reads best when it has not chosen one: Korean or
 * Vietnamese when it speaks it (a Korean firm that also speaks English gets
 * Korean), otherwise English.
 */
export function languageFromSpoken(spoken: readonly string[]): Language {
  const lower = spoken.map((code) => code.toLowerCase());
  return lower.includes('ko') ? 'ko' : lower.includes('vi') ? 'vi' : 'en';
}

const i18n = createInstance();
// Resources are in memory, so init is synchronous (initAsync: false).
void i18n
  .init({
    resources: { en: { exports: en }, ko: { exports: ko }, vi: { exports: vi } },
    ns: ['exports'],
    defaultNS: 'exports',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  .catch(() => undefined);

const translators = new Map<Language, TFunction>(LANGUAGES.map((language) => [language, i18n.getFixedT(language, 'exports')]));

/** `t(key, values)` for the take-away files in one language. */
export function exportsT(language: Language): TFunction {
  return translators.get(language)!;
}
