import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { ForumDayResolver } from './forum-day.resolver';
import { AgendasModule } from '../agendas/agendas.module';
import { ForumDayService } from './forum-day.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesResolver } from './outcomes.resolver';
import { OutcomesService } from './outcomes.service';
import { RefillService } from './refill.service';

/** The forum day and after: check-in, attendance, absences, re-fills and outcomes. */
@Module({
  imports: [ForumsModule, AgendasModule],
  providers: [ForumDayService, RefillService, OutcomesService, ForumDayResolver, OutcomesResolver],
  controllers: [OutcomesController],
})
export class ForumDayModule {}
