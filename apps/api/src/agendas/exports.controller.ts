import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Public, Roles } from '../auth/auth.decorators';
import { UnauthenticatedError } from '../common/domain-errors';
import type { RequestWithPrincipal } from '../common/graphql-context';
import type { Principal } from '../common/principal';
import type { AgendaForum } from './agenda.query';
import { AgendasService } from './agendas.service';
import { agendaCalendar } from './renderers/agenda-calendar';
import { agendaPdf } from './renderers/agenda-pdf';
import { requestsCsv, requestsXlsx, scheduleCsv, scheduleXlsx } from './renderers/schedule-sheets';

/**
 * What delegates and organisers take away: calendar feed, printable agenda,
 * the whole schedule as CSV and XLSX, the meeting requests as CSV and XLSX. Each speaks `?lang=en|ko|vi`, else the
 * user's preferred language, else the company's.
 */
@Controller('forums/:forumId')
export class ExportsController {
  constructor(private readonly agendas: AgendasService) {}

  /** With a bearer token (company or delegate), or with a calendar feed's secret `token`. */
  @Public()
  @Get('agenda.ics')
  async calendar(@Param('forumId') forumId: string, @Query('token') token: unknown, @Query('lang') lang: unknown, @Req() req: RequestWithPrincipal, @Res() res: Response) {
    let agenda;
    if (typeof token === 'string' && token) {
      agenda = await this.agendas.agendaForFeed(forumId, token);
      if (!agenda) throw new UnauthenticatedError('This calendar feed does not exist or was revoked');
    } else {
      if (!req.principal) throw new UnauthenticatedError();
      agenda = { ...(await this.agendas.agendaFor(req.principal, forumId)), userId: req.principal.userId };
    }
    const language = await this.agendas.languageOf(agenda.userId, lang);
    res.type('text/calendar; charset=utf-8').setHeader('content-disposition', 'inline; filename="agenda.ics"');
    res.send(agendaCalendar(agenda.forum, agenda.entries, language));
  }

  @Get('agenda.pdf')
  async pdf(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response) {
    const language = await this.agendas.languageOf(principal.userId, lang);
    const { forum, agendas } = await this.agendas.agendasForPrint(principal, forumId);
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const link = (f: AgendaForum) => `${origin}/forums/${f.id}/agenda`;
    res.type('application/pdf').setHeader('content-disposition', 'inline; filename="agenda.pdf"');
    res.send(await agendaPdf(forum, agendas, language, link));
  }

  @Roles('ORGANIZER')
  @Get('schedule.csv')
  async csv(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Query('lang') lang: unknown, @Res() res: Response) {
    const language = await this.agendas.languageOf(principal.userId, lang);
    const { forum, meetings } = await this.agendas.scheduleRows(principal, forumId);
    res.type('text/csv; charset=utf-8').setHeader('content-disposition', 'attachment; filename="schedule.csv"');
    res.send(scheduleCsv(forum, meetings, language));
  }

  @Roles('ORGANIZER')
  @Get('requests.csv')
  async requests(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Query('lang') lang: unknown, @Res() res: Response) {
    const language = await this.agendas.languageOf(principal.userId, lang);
    const { forum, requests } = await this.agendas.requestRows(principal, forumId);
    res.type('text/csv; charset=utf-8').setHeader('content-disposition', 'attachment; filename="requests.csv"');
    res.send(requestsCsv(forum.timeZone, requests, language));
  }

  @Roles('ORGANIZER')
  @Get('requests.xlsx')
  async requestsWorkbook(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Query('lang') lang: unknown, @Res() res: Response) {
    const language = await this.agendas.languageOf(principal.userId, lang);
    const { forum, requests, companies } = await this.agendas.requestRows(principal, forumId);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('content-disposition', 'attachment; filename="requests.xlsx"');
    res.send(await requestsXlsx(forum.timeZone, requests, companies, language));
  }

  @Roles('ORGANIZER')
  @Get('schedule.xlsx')
  async xlsx(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Query('lang') lang: unknown, @Res() res: Response) {
    const language = await this.agendas.languageOf(principal.userId, lang);
    const { forum, meetings } = await this.agendas.scheduleRows(principal, forumId);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').setHeader('content-disposition', 'attachment; filename="schedule.xlsx"');
    res.send(await scheduleXlsx(forum, meetings, language));
  }
}
