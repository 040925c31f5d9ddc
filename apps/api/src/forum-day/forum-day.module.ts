import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { ForumDayResolver } from './forum-day.resolver';
import { ForumDayService } from './forum-day.service';
import { RefillService } from './refill.service';

/** The forum day: check-in, attendance, absences and re-fills. */
@Module({ imports: [ForumsModule], providers: [ForumDayService, RefillService, ForumDayResolver] })
export class ForumDayModule {}
