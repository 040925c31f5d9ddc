import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingRequest } from '@forum/db';
import { CompaniesModule } from '../companies/companies.module';
import { ForumsModule } from '../forums/forums.module';
import { MeetingRequestsResolver } from './meeting-requests.resolver';
import { MeetingRequestsService } from './meeting-requests.service';

@Module({
  imports: [TypeOrmModule.forFeature([MeetingRequest]), ForumsModule, CompaniesModule],
  providers: [MeetingRequestsService, MeetingRequestsResolver],
})
export class MeetingRequestsModule {}
