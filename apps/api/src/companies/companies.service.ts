import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Company } from '@forum/db';
import { ForbiddenError } from '../common/domain-errors';
import type { Principal } from '../common/principal';
import { companyFields } from './company-fields';
import { CompanyProfileInput } from './dto/company-profile.input';

@Injectable()
export class CompaniesService {
  constructor(@InjectRepository(Company) private readonly companies: Repository<Company>) {}

  /** A company's representative updates its own profile; delegates only read. */
  async updateOwn(principal: Principal, input: CompanyProfileInput): Promise<Company> {
    if (principal.role !== 'COMPANY' || !principal.companyId) {
      throw new ForbiddenError("Only the company's representative can change its profile");
    }
    const company = await this.companies.findOneByOrFail({ id: principal.companyId });
    return this.companies.save(Object.assign(company, companyFields(input)));
  }
}
