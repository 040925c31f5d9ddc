import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Delegate } from '@forum/db';
import { BatchLoader, WIDE_BATCH } from '../common/batch-loader';

/** Delegates by registration: one query for a whole page of participants (the loads of one turn of the event loop; see CompanyLoader). */
@Injectable()
export class DelegatesLoader {
  private readonly loader = new BatchLoader<string, Delegate[]>(async (registrationIds) => {
    const delegates = await this.delegates.find({ where: { registrationId: In([...new Set(registrationIds)]) }, order: { name: 'ASC' } });
    const grouped = new Map<string, Delegate[]>(registrationIds.map((id) => [id, []]));
    for (const delegate of delegates) grouped.get(delegate.registrationId)?.push(delegate);
    return registrationIds.map((id) => grouped.get(id) ?? []);
  }, WIDE_BATCH);

  constructor(@InjectRepository(Delegate) private readonly delegates: Repository<Delegate>) {}

  load(registrationId: string): Promise<Delegate[]> {
    return this.loader.load(registrationId);
  }
}
