import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../lib/graphql-client';

/** Form field → message to show under it. */
export type FieldErrors = Partial<Record<string, string>>;

/** A field's own path in the API's input ("company.name" in sign-up, "sectors.3" in the profile) → the form's field, or null to leave it to the alert. */
export type FieldOf = (apiField: string) => string | null;

const topLevel: FieldOf = (field) => field.split('.')[0];

/**
 * The API's refused fields as messages on the form's fields, in the reader's
 * language: a known rule (isUrl, isEmail, …) has its sentence in the catalogue;
 * otherwise English readers get the server's own words and others a generic
 * "check this field".
 */
export function useFieldErrors() {
  const { t, i18n } = useTranslation('errors');
  const message = useCallback(
    (constraint: string | undefined, serverMessage: string) => {
      if (constraint && i18n.exists(`errors:field.${constraint}`)) return t(`field.${constraint}` as 'field.generic');
      if (i18n.language === 'en') {
        const words = serverMessage.replace(/^[\w.]+: /, '');
        return words.charAt(0).toUpperCase() + words.slice(1);
      }
      return t('field.generic');
    },
    [t, i18n],
  );
  const fromError = useCallback(
    (error: Parameters<typeof fieldProblems>[0], fieldOf: FieldOf = topLevel): FieldErrors => {
      const errors: FieldErrors = {};
      for (const problem of fieldProblems(error)) {
        const field = fieldOf(problem.field);
        if (field && !errors[field]) errors[field] = message(problem.constraint, problem.message);
      }
      return errors;
    },
    [message],
  );
  return { fromError, message: (key: string) => t(`field.${key}` as 'field.generic') };
}

/** Client-side checks shared by the forms (the server checks again; these only save a round trip). */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
export const looksLikeWebAddress = (value: string) => /^https?:\/\/\S+$/i.test(value.trim());
export const languageCodes = (value: string) => value.split(/[,\s]+/).map((code) => code.trim().toLowerCase()).filter(Boolean);
export const areLanguageCodes = (codes: string[]) => codes.every((code) => /^[a-z]{2,3}$/.test(code));
