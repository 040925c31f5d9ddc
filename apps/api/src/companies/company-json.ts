import { Company } from '@forum/db';

/** A company as a hot-path statement answers it in JSON (`companyJsonSql`): its dates as text. */
export type CompanyJson = Omit<Company, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** The JSON object of company `alias`, for {@link companyOfJson}. */
export function companyJsonSql(alias: string): string {
  return `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'country', ${alias}.country, 'city', ${alias}.city, 'sectors', ${alias}.sectors,
    'offers', ${alias}.offers, 'seeks', ${alias}.seeks, 'languages', ${alias}.languages, 'website', ${alias}.website, 'description', ${alias}.description,
    'createdAt', ${alias}.created_at, 'updatedAt', ${alias}.updated_at)`;
}

export function companyOfJson(json: CompanyJson): Company {
  return Object.assign(new Company(), json, { createdAt: new Date(json.createdAt), updatedAt: new Date(json.updatedAt) });
}
