import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '@forum/db';
import { CompaniesModule } from '../companies/companies.module';
import { AccessTokens } from './access-tokens';
import { AuthGuard } from './auth.guard';
import { SessionUsers } from './session-users';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { FailedLogins } from './failed-logins';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }]),
    CompaniesModule,
  ],
  providers: [AuthService, AuthResolver, AccessTokens, SessionUsers, FailedLogins, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AccessTokens, SessionUsers],
})
export class AuthModule {}
