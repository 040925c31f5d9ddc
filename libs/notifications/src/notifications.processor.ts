import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { PermanentDeliveryError } from './channels';
import { NotificationSender, type DeliveryOutcome } from './sender';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** Takes `notifications` jobs off the queue: one outbox row each; a throw is retried by the queue with backoff. */
@Injectable()
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly sender: NotificationSender) {
    super();
  }

  async process(job: Job<{ id: string }>): Promise<DeliveryOutcome> {
    try {
      return await this.sender.deliver(job.data.id, { final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1), retryInPlace: false });
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}

/** Bound to the queue with the worker's lock: a job whose worker died is taken over once its lock lapses. */
export function notificationsProcessorWithLock(lockMs: number): Type<NotificationsProcessor> {
  @Processor(NOTIFICATIONS_QUEUE, { concurrency: 4, lockDuration: lockMs, stalledInterval: Math.max(500, Math.floor(lockMs / 2)), maxStalledCount: 2 })
  class ConfiguredNotificationsProcessor extends NotificationsProcessor {}
  return ConfiguredNotificationsProcessor;
}
