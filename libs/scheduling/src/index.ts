export * from './forum-not-found.error';
export * from './scheduling-job.service';
export * from './scheduling-jobs.module';
