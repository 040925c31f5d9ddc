import { Module } from '@nestjs/common';
import { ForumsModule } from '../forums/forums.module';
import { AgendasResolver } from './agendas.resolver';
import { AgendasService } from './agendas.service';
import { ExportsController } from './exports.controller';

@Module({
  imports: [ForumsModule],
  providers: [AgendasService, AgendasResolver],
  controllers: [ExportsController],
  exports: [AgendasService],
})
export class AgendasModule {}
