import { Controller, Get, Header, Param } from '@nestjs/common';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../common/principal';
import { SchedulesService } from './schedules.service';

/** The forum-matcher/v1 instance a run solved, so any run can be replayed with `npm run match`. */
@Controller('forums/:forumId/runs/:runId')
export class RunInstanceController {
  constructor(private readonly schedules: SchedulesService) {}

  @Roles('ORGANIZER')
  @Get('instance.json')
  @Header('content-type', 'application/json; charset=utf-8')
  async instance(@CurrentPrincipal() principal: Principal, @Param('forumId') forumId: string, @Param('runId') runId: string) {
    return this.schedules.instanceOf(principal, forumId, runId);
  }
}
