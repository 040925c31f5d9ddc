import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'fm-config-'));

  it('gives local defaults when nothing is set: port 3000, embedded database, single-process scheduling', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3000, queuePrefix: 'fm', logLevel: 'info', graphqlJit: true, graphqlHttpFront: true, agendaCache: true });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgresql://forum:secret@db:5432/forum',
      REDIS_URL: 'redis://redis:6379/2',
      QUEUE_PREFIX: 'fm-prod',
      JWT_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'warn',
      GRAPHQL_JIT: 'false',
      GRAPHQL_HTTP_FRONT: 'false',
      AGENDA_CACHE: 'false',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 8080,
      databaseUrl: 'postgresql://forum:secret@db:5432/forum',
      redisUrl: 'redis://redis:6379/2',
      queuePrefix: 'fm-prod',
      jwtSecret: 'x'.repeat(40),
      logLevel: 'warn',
      graphqlJit: false,
      graphqlHttpFront: false,
      agendaCache: false,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '', PORT: '' })).toMatchObject({ port: 3000 });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'notaurl'],
    ['DATABASE_URL', 'mysql://localhost/forum'],
    ['REDIS_URL', 'localhost:6379'],
    ['NODE_ENV', 'staging'],
    ['JWT_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['QUEUE_PREFIX', 'has spaces'],
    ['GRAPHQL_JIT', 'yes'],
    ['GRAPHQL_HTTP_FRONT', 'no'],
    ['AGENDA_CACHE', 'off'],
  ])('refuses %s=%s with a message naming the variable', (variable, value) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('refuses to start in production without JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
  });

  it('generates a local JWT secret once and keeps it for the next start', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
  });
});
