import { join } from 'node:path';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@forum/common';
import { EmailChannel, LocalMailboxChannel, type NotificationChannel } from './channels';
import { NOTIFICATIONS_QUEUE, notificationsProcessorWithLock } from './notifications.processor';
import { NotificationRelay } from './relay';
import { DELIVERY_ATTEMPTS, NotificationSender } from './sender';


/** SMTP when configured; else the local mailbox under the data directory. */
export function channelFor(config: AppConfig): NotificationChannel {
  return config.smtpUrl ? new EmailChannel(config.smtpUrl) : new LocalMailboxChannel(join(config.dataDir, 'mailbox'));
}

/**
 * The sending side of notifications. `inline`: this process sends (single
 * process without Redis). `queue`: the relay feeds the `notifications` queue
 * (BullMQ) and the worker's processor sends, with retries and backoff.
 */
@Module({})
export class NotificationsModule {
  static forRoot(mode: 'inline' | 'queue', lockMs = 30_000): DynamicModule {
    return {
      module: NotificationsModule,
      imports: mode === 'queue' ? [BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })] : [],
      providers: [
        ...(mode === 'queue' ? [notificationsProcessorWithLock(lockMs)] : []),
        {
          provide: NotificationSender,
          inject: [getDataSourceToken(), APP_CONFIG],
          useFactory: (dataSource: DataSource, config: AppConfig) => new NotificationSender(dataSource, channelFor(config), config, config.workerLockMs),
        },
        {
          provide: NotificationRelay,
          inject: [getDataSourceToken(), NotificationSender, APP_CONFIG, ...(mode === 'queue' ? [getQueueToken(NOTIFICATIONS_QUEUE)] : [])],
          useFactory: (dataSource: DataSource, sender: NotificationSender, config: AppConfig, queue?: Queue) =>
            new NotificationRelay(
              dataSource,
              sender,
              config.workerLockMs,
              queue
                ? async (jobs) => {
                    await queue.addBulk(
                      jobs.map((job) => ({
                        name: 'deliver',
                        data: { id: job.id },
                        opts: { jobId: job.jobId, attempts: DELIVERY_ATTEMPTS, backoff: { type: 'exponential', delay: config.notifyRetryMs }, removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } },
                      })),
                    );
                  }
                : null,
            ),
        },
      ],
      exports: [NotificationSender],
    };
  }
}
