import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Registration } from '@forum/db';
import { ForumsModule } from '../forums/forums.module';
import { RecommendationsResolver } from './recommendations.resolver';
import { RecommendationsService } from './recommendations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), ForumsModule],
  providers: [RecommendationsService, RecommendationsResolver],
})
export class RecommendationsModule {}
