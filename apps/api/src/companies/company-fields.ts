import type { Company } from '@forum/db';
import type { CompanyProfileInput } from './dto/company-profile.input';

/** The entity fields a profile input sets (omitted lists become empty, omitted texts null). */
export function companyFields(input: CompanyProfileInput): Partial<Company> {
  return {
    name: input.name,
    country: input.country,
    city: input.city ?? null,
    sectors: input.sectors ?? [],
    offers: input.offers ?? [],
    seeks: input.seeks ?? [],
    languages: input.languages ?? [],
    website: input.website ?? null,
    description: input.description ?? null,
  };
}
