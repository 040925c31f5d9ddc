export * from './config/app-config';
export * from './config/app-config.module';
export * from './queue/redis-connection';
export * from './queue/scheduling-queue';
export * from './logging/logger-options';
export * from './package-version';
export * from './auth/password';
export * from './time/local-time';
