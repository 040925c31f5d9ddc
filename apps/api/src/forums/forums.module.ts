import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Forum, ForumSession, ForumTable, Registration, Slot } from '@forum/db';
import { ForumPartsLoader } from './forum-parts.loader';
import { ForumsResolver } from './forums.resolver';
import { ForumsService } from './forums.service';

@Module({
  imports: [TypeOrmModule.forFeature([Forum, ForumSession, Slot, ForumTable, Registration])],
  providers: [ForumsService, ForumsResolver, ForumPartsLoader],
  exports: [ForumsService],
})
export class ForumsModule {}
