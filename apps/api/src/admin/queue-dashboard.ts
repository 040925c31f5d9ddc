import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { SCHEDULING_QUEUE } from '@forum/common';
import { AccessTokens } from '../auth/access-tokens';
import { SessionUsers } from '../auth/session-users';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'fm_admin';

/**
 * The Bull Board dashboard of the `scheduling` queue at /admin/queues, for
 * the operator (ADMIN accounts) only: organisers see their own runs through scheduleRuns. API clients send `Authorization: Bearer <token>`; a browser
 * opens `/admin/queues?token=<accessToken>` once, which sets an httpOnly
 * cookie scoped to the dashboard and drops the token from the address bar.
 * Only in queue mode: single-process mode has no queue to show.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(app.get<Queue>(getQueueToken(SCHEDULING_QUEUE)), { readOnlyMode: false })], serverAdapter: adapter });
  const tokens = app.get(AccessTokens);
  const users = app.get(SessionUsers);

  const adminToken = async (token: string | undefined): Promise<boolean> => {
    const claims = token ? tokens.verify(token) : null;
    const user = claims ? await users.get(claims.sub) : null;
    return !!user && user.tokenVersion === claims?.ver && user.role === 'ADMIN';
  };

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const fromHeader = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const fromCookie = cookieValue(req.headers.cookie, COOKIE);
    if (fromQuery) {
      if (!(await adminToken(fromQuery))) return void res.status(403).json({ code: 'FORBIDDEN', message: 'The queue dashboard is for the operator (an ADMIN account: npm run cli -- create-admin)' });
      res.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, maxAge: 8 * 3600_000 });
      return void res.redirect(QUEUE_DASHBOARD_PATH);
    }
    const token = fromHeader ?? fromCookie;
    if (!token) return void res.status(401).json({ code: 'UNAUTHENTICATED', message: `Sign in: open ${QUEUE_DASHBOARD_PATH}?token=<admin accessToken>` });
    if (!(await adminToken(token))) return void res.status(403).json({ code: 'FORBIDDEN', message: 'The queue dashboard is for the operator (an ADMIN account: npm run cli -- create-admin)' });
    next();
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, adapter.getRouter());
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
