import 'reflect-metadata';
import { ConfigError, loadConfig } from '@forum/common';
import { startApi, StartupError } from './bootstrap';
import { demoGuide } from './demo-guide';
import { WEB_APP_DIR } from './web-app';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

async function main() {
  const allInOne = process.argv.includes('--all-in-one');
  const config = loadConfig(process.env);
  const api = await startApi(config, { allInOne });
  // Printed plainly (not only logged) so a person running `npm start` sees where to go.
  const web = existsSync(join(WEB_APP_DIR, 'index.html')) ? `  Web app: ${api.url}/\n` : '';
  process.stdout.write(`\nForum Matchmaker is running.\n${web}  GraphQL: ${api.url}/graphql\n  Health:  ${api.url}/health\n`);
  if (api.demo) process.stdout.write(demoGuide(api.url, api.demo.forumId));
  process.stdout.write('\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, shutting down.\n`);
    await api.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
