import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@forum/common';
import { REPO_ROOT } from './support/processes';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}

/**
 * docker-compose.yml is the production path but cannot run here (no Docker
 * engine): it is kept correct by checking it against the apps themselves.
 */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
  const { services } = compose;
  const environment = (service: Service) =>
    Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, value.replace(/\$\{JWT_SECRET[^}]*\}/, 'x'.repeat(48)).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]));

  it('has PostgreSQL 16, Redis 7, a one-shot migration, the API and the worker, each with a healthcheck or an exit', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.redis.image).toBe('redis:7');
    for (const name of ['postgres', 'redis', 'api', 'worker']) expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    expect(services.api.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } });
    expect(services.worker.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
    expect(services.migrate.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(services.api.healthcheck!.test.join(' ')).toContain('/health');
  });

  it('runs commands that exist in the built image', () => {
    expect(services.migrate.command).toEqual(['node', 'dist/apps/cli/src/main.js', 'migrate']);
    for (const name of ['migrate', 'api', 'worker']) {
      const script = services[name].command!.find((part) => part.startsWith('dist/'))!;
      expect(existsSync(join(REPO_ROOT, script))).toBe(true);
    }
    expect(services.api.command).toContain('dist/apps/api/src/main.js');
    expect(services.api.command).not.toContain('--all-in-one');
    expect(services.worker.command).toContain('dist/apps/worker/src/main.js');
    const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    for (const folder of ['apps', 'libs', 'migrations']) expect(dockerfile).toMatch(new RegExp(`COPY ${folder} \\./${folder}`));
    expect(dockerfile).toContain('npm run build');
  });

  it("gives each app an environment its configuration accepts, with the database and Redis of the compose file", () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const env = environment(services[name]);
      const config = loadConfig(env);
      expect(config.nodeEnv).toBe('production');
      expect(new URL(config.databaseUrl!).hostname).toBe('postgres');
      expect(new URL(config.redisUrl!).hostname).toBe('redis');
      const postgres = services.postgres.environment!;
      expect(config.databaseUrl).toBe(`postgres://${postgres.POSTGRES_USER}:${postgres.POSTGRES_PASSWORD}@postgres:5432/${postgres.POSTGRES_DB}`);
    }
    expect(loadConfig(environment(services.api)).port).toBe(3000);
    // Unset on the host: a local mailbox, links to localhost:3000.
    expect(loadConfig(environment(services.worker))).toMatchObject({ smtpUrl: undefined, publicUrl: 'http://localhost:3000', mailFrom: 'Forum Matchmaker <no-reply@forum-matchmaker.local>' });
    expect(services.api.ports).toEqual(['3000:3000']);
    expect(loadConfig(environment(services.worker)).workerHeartbeatFile).toBe('/tmp/worker-heartbeat');
    expect(services.worker.healthcheck!.test.join(' ')).toContain('/tmp/worker-heartbeat');
  });
});
