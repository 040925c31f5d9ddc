import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Company, Registration } from '@forum/db';
import { ForbiddenError } from '../common/domain-errors';
import type { Principal } from '../common/principal';
import { ForumsService } from '../forums/forums.service';
import { Fit, fitOf } from '@forum/matcher';

@Injectable()
export class RecommendationsService {
  constructor(
    @InjectRepository(Registration) private readonly registrations: Repository<Registration>,
    private readonly forums: ForumsService,
  ) {}

  /** Partners from the other side of the forum for the caller's company, best first. */
  async recommend(principal: Principal, forumId: string, first: number): Promise<{ company: Company; fit: Fit }[]> {
    const forum = await this.forums.findVisible(principal, forumId);
    const all = await this.registrations.find({ where: { forumId: forum.id }, relations: { company: true } });
    const mine = all.find((registration) => registration.companyId === principal.companyId);
    if (!mine) throw new ForbiddenError('Register your company for this forum to get recommendations');
    return all
      .filter((other) => other.companyId !== mine.companyId && other.status === 'APPROVED' && (forum.sides.length === 0 || other.side !== mine.side))
      .map((other) => ({ company: other.company as Company, fit: fitOf(mine.company as Company, other.company as Company) }))
      .sort((x, y) => y.fit.score - x.fit.score || x.company.name.localeCompare(y.company.name))
      .slice(0, first);
  }
}
