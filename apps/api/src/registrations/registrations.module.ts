import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Delegate, Registration } from '@forum/db';
import { ForumsModule } from '../forums/forums.module';
import { DelegatesLoader } from './delegates.loader';
import { RegistrationsResolver } from './registrations.resolver';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration, Delegate]), ForumsModule],
  providers: [RegistrationsService, RegistrationsResolver, DelegatesLoader],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
