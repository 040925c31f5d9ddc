import { redisConnectionOptions } from './redis-connection';

describe('redisConnectionOptions', () => {
  it('takes host, port, credentials and database from the URL', () => {
    expect(redisConnectionOptions('redis://user:p%40ss@cache.internal:6380/3')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
      tls: undefined,
      maxRetriesPerRequest: null,
    });
  });

  it('defaults to port 6379 and database 0, and uses TLS for rediss://', () => {
    expect(redisConnectionOptions('rediss://cache')).toMatchObject({ port: 6379, db: 0, tls: {} });
  });
});
