export * from './data-source-options';
export * from './embedded-postgres';
export * from './entities';
export * from './migrate';
export * from './slot-generation';
export * from './demo/seed-demo';
export * from './database-errors';
export * from './query-results';
