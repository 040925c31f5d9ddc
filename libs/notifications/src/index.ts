export * from './channels';
export * from './notifications.module';
export * from './notifications.processor';
export * from './outbox';
export * from './relay';
export * from './sender';
export * from './templates';
export * from './unsubscribe';
