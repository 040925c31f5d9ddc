import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { NotificationsService } from './notifications.service';

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click`
 * to the List-Unsubscribe URL. A GET of the same URL is the web app's page,
 * which asks before doing it (link scanners follow GETs).
 */
@Controller()
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  async oneClick(@Query('token') token: unknown): Promise<{ unsubscribed: string }> {
    return { unsubscribed: await this.notifications.unsubscribe(String(token ?? '')) };
  }
}
