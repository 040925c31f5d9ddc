import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { packageVersion } from '@forum/common';
import { API_RUNTIME, ApiRuntime } from '../api-runtime';
import { Public } from '../auth/auth.decorators';
import { SchedulingWorkers } from '../health/scheduling-workers';
import { SchedulingModeModel, ServerInfoModel } from './models/server-info.model';

@Resolver(() => ServerInfoModel)
export class ServerInfoResolver {
  constructor(
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly workers: SchedulingWorkers,
  ) {}

  @Public()
  @Query(() => ServerInfoModel, { description: 'Version and mode of this server; needs no sign-in.' })
  async serverInfo(): Promise<ServerInfoModel> {
    const inProcess = this.runtime.schedulingMode !== 'queue';
    const workers = inProcess ? null : await this.workers.count().catch(() => 0);
    return {
      schedulingWorkers: workers,
      schedulingAvailable: inProcess || (workers ?? 0) > 0,
      version: packageVersion(),
      schedulingMode:
        this.runtime.schedulingMode === 'queue' ? SchedulingModeModel.QUEUE : SchedulingModeModel.IN_PROCESS,
    };
  }
}
