import { Inject, Injectable } from '@nestjs/common';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, AppConfig } from '@forum/common';
import type { Role } from '@forum/db';

export interface TokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when the token was issued (see User.tokenVersion). */
  ver: number;
}

const LIFETIME_MS = 7 * 24 * 3600 * 1000;

/**
 * Signs and verifies HS256 access tokens. The secret is prepared once (not
 * parsed as a key on every verify), and verified tokens are remembered until
 * they expire, so a polling delegate costs one lookup. Remembered by the token
 * itself (10,000 tokens of ~200 bytes are 2 MB): fast-jwt's own cache keys by
 * a SHA-256 of the token, which cost more per request than the rest of the
 * lookup (bench:api profile), and warns at start-up when given another key.
 */
@Injectable()
export class AccessTokens {
  private readonly signer: (claims: Omit<TokenClaims, never>) => string;
  private readonly verifier: (token: string) => TokenClaims & { exp?: number };
  /** Claims of verified tokens, with when the token expires (ms). */
  private readonly verified = new LRUCache<string, { claims: TokenClaims; expiresAt: number }>({ max: 10_000 });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signer = createSigner({ key: config.jwtSecret, algorithm: 'HS256', expiresIn: LIFETIME_MS });
    this.verifier = createVerifier({ key: config.jwtSecret, algorithms: ['HS256'] });
  }

  sign(claims: TokenClaims): string {
    return this.signer(claims);
  }

  /** The claims of a valid, unexpired token; null otherwise. */
  verify(token: string): TokenClaims | null {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known.claims;
      this.verified.delete(token);
      return null;
    }
    let raw: TokenClaims & { exp?: number };
    try {
      raw = this.verifier(token);
    } catch (error) {
      if (error instanceof TokenError) return null;
      throw error;
    }
    if (typeof raw.sub !== 'string') return null;
    const claims: TokenClaims = { sub: raw.sub, role: raw.role, ver: typeof raw.ver === 'number' ? raw.ver : 0 };
    // fast-jwt has checked `exp`; a token without one (none are signed so) is remembered for a lifetime.
    this.verified.set(token, { claims, expiresAt: typeof raw.exp === 'number' ? raw.exp * 1000 : Date.now() + LIFETIME_MS });
    return claims;
  }
}
