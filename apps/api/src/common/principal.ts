import type { Role } from '@forum/db';

/** Who is calling: the signed-in user as the guards and services see it. */
export interface Principal {
  userId: string;
  role: Role;
  /** The company a COMPANY or DELEGATE user acts for; null for organisers. */
  companyId: string | null;
}

export function isOrganizer(principal: Principal): boolean {
  return principal.role === 'ORGANIZER';
}
