import { describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES } from './index';

/** Every key of a nested catalogue, e.g. status.OPEN. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

function leaf(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], value);
}

describe('the three catalogues', () => {
  for (const namespace of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) {
    it(`have the same keys in ${namespace}, none empty, with the same placeholders`, () => {
      const reference = keys(catalogues.en[namespace]).sort();
      for (const language of LANGUAGES) {
        const catalogue = catalogues[language][namespace];
        // Korean and Vietnamese have no plural forms: _one and _other may both exist or only _other.
        expect(keys(catalogue).sort()).toEqual(reference);
        for (const key of reference) {
          const text = leaf(catalogue, key);
          expect(typeof text === 'string' && text.trim().length > 0, `${language}/${namespace}:${key}`).toBe(true);
          const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
          expect(placeholders(text), `${language}/${namespace}:${key}`).toEqual(placeholders(leaf(catalogues.en[namespace], key)));
        }
      }
    });
  }
});
