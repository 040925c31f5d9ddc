import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Company } from '@forum/db';
import { BatchLoader, WIDE_BATCH } from '../common/batch-loader';

/**
 * Companies by id: the loads of one turn of the event loop (a whole page of
 * requests' counterparts, and other requests' at the same moment) in one
 * query. A singleton: a request-scoped loader made Nest build its resolvers
 * anew for every request (bench:api).
 */
@Injectable()
export class CompanyLoader {
  private readonly loader: BatchLoader<string, Company | null>;

  constructor(@InjectRepository(Company) companies: Repository<Company>) {
    this.loader = new BatchLoader(async (ids) => {
      const found = await companies.findBy({ id: In([...new Set(ids)]) });
      const byId = new Map(found.map((company) => [company.id, company]));
      return ids.map((id) => byId.get(id) ?? null);
    }, WIDE_BATCH);
  }

  load(id: string): Promise<Company | null> {
    return this.loader.load(id);
  }
}
