import { Forum } from './forum.entity';

export * from './forum.entity';

/** Every entity, for the DataSource. */
export const ENTITIES = [Forum];
