/**
 * The scheduling algorithm of Forum Matchmaker: plain data in, plain data out.
 * No Nest, no TypeORM, no I/O; see README.md in this folder.
 */
export * from './evaluate';
export * from './format';
export * from './parse-instance';
export * from './solve';
export * from './bound';
export * from './greedy';
export * from './scoring';
export * from './recommendation';
export * from './exact';
export * from './breaks';
export * from './breaks-bound';
export type { Problem } from './problem';
