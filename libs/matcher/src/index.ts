/**
 * The scheduling algorithm: plain data in, plain data out. No Nest, no TypeORM,
 * no I/O. The optimiser arrives with the matcher issue; this holds the format's name.
 */
export const MATCHER_FORMAT = 'forum-matcher/v1';
