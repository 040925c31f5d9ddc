import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AgendasService } from '../agendas/agendas.service';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { OutcomesService } from './outcomes.service';
import { outcomesXlsx } from './outcomes-sheet';

/** The outcomes report as a spreadsheet, one row per meeting (the shape funders' consultation logs use). */
@Controller('forums/:forumId')
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly agendas: AgendasService,
  ) {}

  @Roles('ORGANIZER')
  @Get('outcomes.xlsx')
  async workbook(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Query('lang') lang: unknown, @Res() res: Response) {
    const language = await this.agendas.languageOf(principal.userId, lang);
    const { forum, rows, report } = await this.outcomes.reportWithRows(principal, forumId);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('content-disposition', 'attachment; filename="outcomes.xlsx"');
    res.send(await outcomesXlsx(forum, rows, report, language));
  }
}
