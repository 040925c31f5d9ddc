import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Company } from '@forum/db';
import { CompaniesResolver } from './companies.resolver';
import { CompaniesService } from './companies.service';
import { CompanyLoader } from './company.loader';

@Module({
  imports: [TypeOrmModule.forFeature([Company])],
  providers: [CompaniesService, CompaniesResolver, CompanyLoader],
  exports: [CompanyLoader],
})
export class CompaniesModule {}
