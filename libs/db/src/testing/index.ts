export * from './test-database';
export * from './seed-large-forum';
