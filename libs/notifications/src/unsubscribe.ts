import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@forum/db';

const sign = (secret: string, payload: string) => createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');

/** The token of a one-click unsubscribe link: who and which category, signed; it never expires (links in old emails keep working). */
export function unsubscribeToken(secret: string, userId: string, category: NotificationCategory): string {
  const payload = Buffer.from(`${userId}.${category}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The account and category of a token, or null when it is not one of ours. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; category: NotificationCategory } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, category] = Buffer.from(payload, 'base64url').toString().split('.');
  if (!userId || !(NOTIFICATION_CATEGORIES as readonly string[]).includes(category) || category === 'SECURITY') return null;
  return { userId, category: category as NotificationCategory };
}
