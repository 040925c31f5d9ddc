import 'reflect-metadata';
import { ConfigError, loadConfig } from '@forum/common';
import { migrateCommand } from './commands/migrate.command';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate    apply pending database migrations (also: npm run db:migrate)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (command) {
    case 'migrate':
      return migrateCommand(loadConfig(process.env), print);
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
