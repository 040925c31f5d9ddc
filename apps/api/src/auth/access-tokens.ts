import { Inject, Injectable } from '@nestjs/common';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
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
 * parsed as a key on every verify), and verified tokens are cached until they
 * expire, so a polling delegate costs one lookup. The cache is keyed by the
 * token itself: fast-jwt's default key, a SHA-256 of the token, cost more per
 * request than the rest of the lookup (bench:api profile), and 10,000 tokens
 * of ~200 bytes are 2 MB.
 */
@Injectable()
export class AccessTokens {
  private readonly signer: (claims: Omit<TokenClaims, never>) => string;
  private readonly verifier: (token: string) => TokenClaims;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signer = createSigner({ key: config.jwtSecret, algorithm: 'HS256', expiresIn: LIFETIME_MS });
    this.verifier = createVerifier({ key: config.jwtSecret, algorithms: ['HS256'], cache: 10_000, cacheKeyBuilder: (token: string) => token });
  }

  sign(claims: TokenClaims): string {
    return this.signer(claims);
  }

  /** The claims of a valid, unexpired token; null otherwise. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = this.verifier(token);
      return typeof claims.sub === 'string' ? { sub: claims.sub, role: claims.role, ver: typeof claims.ver === 'number' ? claims.ver : 0 } : null;
    } catch (error) {
      if (error instanceof TokenError) return null;
      throw error;
    }
  }
}
