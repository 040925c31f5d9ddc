import 'reflect-metadata';
import { ConfigError, loadConfig } from '@forum/common';
import { createAdminCommand, createOrganizerCommand } from './commands/create-organizer.command';
import { migrateCommand } from './commands/migrate.command';
import { scheduleCommand } from './commands/schedule.command';
import { seedDemoCommand } from './commands/seed-demo.command';
import { UsageError } from './usage-error';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                              apply pending database migrations (also: npm run db:migrate)
  create-organizer --email E --password P [--name N]   create an organiser account
  create-admin --email E --password P [--name N]       create an admin account (the operator: the queue dashboard)
  seed-demo [--companies N]                            seed the demo forum (or one of N companies, up to 10,000)
  schedule --forum ID [--publish true] [--seed N] [--time-limit-ms N]
                                                       run the matcher on a forum, with progress and a summary`;

/** `--publish` alone means `--publish true`. */
function normalizeFlags(args: string[]): string[] {
  return args.flatMap((arg, i) => (arg === '--publish' && (args[i + 1] === undefined || args[i + 1].startsWith('--')) ? [arg, 'true'] : [arg]));
}

/** `--flag value` pairs after the command. */
function parseOptions(args: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    if (!args[i].startsWith('--') || args[i + 1] === undefined) throw new UsageError(`Expected --option value, got ${JSON.stringify(args[i])}\n\n${USAGE}`);
    options.set(args[i], args[i + 1]);
  }
  return options;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (command) {
    case 'migrate':
      return migrateCommand(loadConfig(process.env), print);
    case 'create-organizer':
      return createOrganizerCommand(loadConfig(process.env), parseOptions(rest), print);
    case 'create-admin':
      return createAdminCommand(loadConfig(process.env), parseOptions(rest), print);
    case 'seed-demo':
      return seedDemoCommand(loadConfig(process.env), parseOptions(rest), print);
    case 'schedule':
      return scheduleCommand(loadConfig(process.env), parseOptions(normalizeFlags(rest)), print);
    case undefined:
    case 'help':
    case '--help':
      return print(USAGE);
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
