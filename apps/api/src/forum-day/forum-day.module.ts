import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { ForumDayResolver } from './forum-day.resolver';
import { ForumDayService } from './forum-day.service';

/** The forum day: check-in and attendance. */
@Module({ imports: [ForumsModule], providers: [ForumDayService, ForumDayResolver] })
export class ForumDayModule {}
