import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Public, Roles } from '../auth/auth.decorators';
import { UnauthenticatedError } from '../common/domain-errors';
import type { RequestWithPrincipal } from '../common/graphql-context';
import type { Principal } from '../common/principal';
import { agendaCalendar, agendaPdf, scheduleCsv } from './agenda-renderers';
import { AgendasService } from './agendas.service';

/** What delegates and organisers take away: calendar feed, printable agenda, the whole schedule as CSV. */
@Controller('forums/:forumId')
export class ExportsController {
  constructor(private readonly agendas: AgendasService) {}

  /** With a bearer token (company or delegate), or with a calendar feed's secret `token`. */
  @Public()
  @Get('agenda.ics')
  async calendar(@Param('forumId') forumId: string, @Query('token') token: string | undefined, @Req() req: RequestWithPrincipal, @Res() res: Response) {
    let agenda;
    if (token) {
      agenda = await this.agendas.agendaForFeed(forumId, token);
      if (!agenda) throw new UnauthenticatedError('This calendar feed does not exist or was revoked');
    } else {
      if (!req.principal) throw new UnauthenticatedError();
      agenda = await this.agendas.agendaFor(req.principal, forumId);
    }
    res.type('text/calendar; charset=utf-8').setHeader('content-disposition', 'inline; filename="agenda.ics"');
    res.send(agendaCalendar(agenda.forum, null, agenda.entries));
  }

  @Get('agenda.pdf')
  async pdf(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Res() res: Response) {
    const { forum, agendas } = await this.agendas.agendasForPrint(principal, forumId);
    res.type('application/pdf').setHeader('content-disposition', 'inline; filename="agenda.pdf"');
    res.send(await agendaPdf(forum, agendas));
  }

  @Roles('ORGANIZER')
  @Get('schedule.csv')
  async csv(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Res() res: Response) {
    const { forum, entries } = await this.agendas.scheduleRows(principal, forumId);
    res.type('text/csv; charset=utf-8').setHeader('content-disposition', 'attachment; filename="schedule.csv"');
    res.send(scheduleCsv(forum, entries));
  }
}
