import { AppConfig, hashPassword, normalizeEmail } from '@forum/common';
import { User } from '@forum/db';
import { UsageError } from '../usage-error';
import { withDatabase } from './with-database';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `npm run cli -- create-organizer --email E --password P [--name N]` */
export function createOrganizerCommand(config: AppConfig, options: Map<string, string>, print: (line: string) => void): Promise<void> {
  return createStaffAccount(config, options, print, 'ORGANIZER');
}

/** `npm run cli -- create-admin --email E --password P [--name N]`: the installation's operator (the queue dashboard). */
export function createAdminCommand(config: AppConfig, options: Map<string, string>, print: (line: string) => void): Promise<void> {
  return createStaffAccount(config, options, print, 'ADMIN');
}

async function createStaffAccount(config: AppConfig, options: Map<string, string>, print: (line: string) => void, role: 'ADMIN' | 'ORGANIZER'): Promise<void> {
  const email = normalizeEmail(options.get('--email') ?? '');
  const password = options.get('--password') ?? '';
  const name = options.get('--name') ?? email.split('@')[0];
  if (!EMAIL.test(email)) throw new UsageError('--email must be an email address');
  if (password.length < 8 || password.length > 128) throw new UsageError('--password must be 8 to 128 characters long');

  await withDatabase(config, async (dataSource) => {
    const users = dataSource.getRepository(User);
    if (await users.existsBy({ email })) throw new UsageError(`An account with the email ${email} already exists`);
    const user = await users.save({ email, passwordHash: await hashPassword(password), name, role, companyId: null });
    print(`${role === 'ADMIN' ? 'Admin' : 'Organizer'} ${user.email} created (id ${user.id}).`);
  });
}
