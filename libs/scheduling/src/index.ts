export * from './build-instance';
export * from './scheduling-job.service';
export * from './scheduling-jobs.module';
export * from './solve-in-thread';
export * from './publish-run';
export * from './refill';
export * from './load-snapshot';
export * from './mip-solver';
