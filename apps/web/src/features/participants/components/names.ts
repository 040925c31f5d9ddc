/** Country and language names in the reader's language, from the browser's own data (no catalogue to keep). */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The languages offered by the participants filter: those of a Korea–Vietnam forum first. */
export const FILTER_LANGUAGES = ['ko', 'vi', 'en', 'ja', 'zh'] as const;
