import { createSigner } from 'fast-jwt';
import type { AppConfig } from '@forum/common';
import { AccessTokens } from './access-tokens';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const claims = { sub: '7d8f0e0a-0000-4000-8000-000000000001', role: 'COMPANY' as const, ver: 3 };

describe('AccessTokens', () => {
  const tokens = new AccessTokens({ jwtSecret: SECRET } as AppConfig);

  afterEach(() => jest.useRealTimers());

  it('verifies what it signs, again from memory, and refuses a changed or foreign token', () => {
    const token = tokens.sign(claims);
    expect(tokens.verify(token)).toEqual(claims);
    expect(tokens.verify(token)).toEqual(claims);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ORGANIZER' })).toString('base64url');
    expect(tokens.verify(`${header}.${forged}.${signature}`)).toBeNull();
    expect(tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}xx`)).toBeNull();
    expect(tokens.verify(createSigner({ key: 'another-secret-entirely-0123456789abcdef', algorithm: 'HS256' })(claims))).toBeNull();
    expect(tokens.verify('not a token')).toBeNull();
  });

  it('stops accepting a remembered token when it expires', () => {
    jest.useFakeTimers({ now: new Date('2026-06-10T00:00:00Z') });
    const token = createSigner({ key: SECRET, algorithm: 'HS256', expiresIn: 60_000 })(claims);
    expect(tokens.verify(token)).toEqual(claims);
    jest.setSystemTime(new Date('2026-06-10T00:00:59Z'));
    expect(tokens.verify(token)).toEqual(claims);
    jest.setSystemTime(new Date('2026-06-10T00:01:01Z'));
    expect(tokens.verify(token)).toBeNull();
    expect(tokens.verify(token)).toBeNull();
  });
});
