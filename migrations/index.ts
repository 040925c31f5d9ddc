import { CreateForum1795502683012 } from './1795502683012-CreateForum';

/**
 * Every migration, oldest first. `npm run db:migration:generate -- migrations/<Name>`
 * writes a new file here; review it and add its class to this list.
 */
export const MIGRATIONS: Function[] = [CreateForum1795502683012];
