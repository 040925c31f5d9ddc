import type { AppConfig } from '@forum/common';
import { DEMO_COMPANY, DEMO_ORGANIZER, seedDemo } from '@forum/db';
import { UsageError } from '../usage-error';
import { withDatabase } from './with-database';

/** `npm run cli -- seed-demo [--companies N]`: the demo forum, or one of N companies (4–10,000). */
export async function seedDemoCommand(config: AppConfig, options: Map<string, string>, print: (line: string) => void): Promise<void> {
  const raw = options.get('--companies') ?? '100';
  if (!/^\d+$/.test(raw) || Number(raw) < 4 || Number(raw) > 10_000) throw new UsageError('--companies must be a whole number from 4 to 10000');
  const result = await withDatabase(config, (dataSource) => seedDemo(dataSource, { companies: Number(raw) }));
  print(`${result.created ? 'Seeded' : 'Already there'}: forum ${result.forumId} with ${result.companies} companies and ${result.requests} meeting requests (requests closed).`);
  print(`Organiser ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}; company ${DEMO_COMPANY.email} / ${DEMO_COMPANY.password}.`);
}
