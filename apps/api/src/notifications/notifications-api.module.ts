import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** What the API says about notifications: the organiser's outbox, each account's muted categories, unsubscribe links. */
@Module({
  imports: [ForumsModule],
  providers: [NotificationsService, NotificationsResolver],
  controllers: [UnsubscribeController],
})
export class NotificationsApiModule {}
