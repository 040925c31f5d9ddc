import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const TOKEN_KEY = 'fm.token';

interface Session {
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in user's access token, kept in this browser until sign-out (or until the API refuses it). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(TOKEN_KEY));
  const signIn = useCallback((next: string) => {
    localStorage.setItem(TOKEN_KEY, next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setToken(null);
  }, []);
  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

/**
 * For route guards: whether a token is stored now (read from storage, not
 * from React state, which a navigation right after sign-in would see stale).
 */
export function isSignedIn(): boolean {
  return storedToken() !== null;
}

/**
 * The role the stored token was issued for, to pick the first page (the
 * organiser's console or the company's forums). Routing only: the API checks
 * every call itself.
 */
export function storedRole(): string | null {
  const token = storedToken();
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown };
    return typeof payload.role === 'string' ? payload.role : null;
  } catch {
    return null;
  }
}
