import { Injectable, Scope } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { Delegate } from '@forum/db';

/** Delegates by registration, batched per request: one query for a whole page of participants. */
@Injectable({ scope: Scope.REQUEST })
export class DelegatesLoader {
  private readonly loader = new DataLoader<string, Delegate[]>(async (registrationIds) => {
    const delegates = await this.delegates.find({ where: { registrationId: In([...registrationIds]) }, order: { name: 'ASC' } });
    const grouped = new Map<string, Delegate[]>(registrationIds.map((id) => [id, []]));
    for (const delegate of delegates) grouped.get(delegate.registrationId)?.push(delegate);
    return registrationIds.map((id) => grouped.get(id) ?? []);
  });

  constructor(@InjectRepository(Delegate) private readonly delegates: Repository<Delegate>) {}

  load(registrationId: string): Promise<Delegate[]> {
    return this.loader.load(registrationId);
  }
}
