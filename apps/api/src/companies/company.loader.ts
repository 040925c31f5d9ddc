import { Injectable, Scope } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { Company } from '@forum/db';

/** Companies by id, batched and cached per request (one query for any number of loads). */
@Injectable({ scope: Scope.REQUEST })
export class CompanyLoader {
  private readonly loader: DataLoader<string, Company | null>;

  constructor(@InjectRepository(Company) companies: Repository<Company>) {
    this.loader = new DataLoader(async (ids) => {
      const found = await companies.findBy({ id: In([...ids]) });
      const byId = new Map(found.map((company) => [company.id, company]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  load(id: string): Promise<Company | null> {
    return this.loader.load(id);
  }
}
