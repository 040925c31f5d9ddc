import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { packageVersion } from '@forum/common';
import { API_RUNTIME, ApiRuntime } from '../api-runtime';
import { Public } from '../auth/auth.decorators';
import { SchedulingModeModel, ServerInfoModel } from './models/server-info.model';

@Resolver(() => ServerInfoModel)
export class ServerInfoResolver {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Public()
  @Query(() => ServerInfoModel, { description: 'Version and mode of this server; needs no sign-in.' })
  serverInfo(): ServerInfoModel {
    return {
      version: packageVersion(),
      schedulingMode:
        this.runtime.schedulingMode === 'queue' ? SchedulingModeModel.QUEUE : SchedulingModeModel.IN_PROCESS,
    };
  }
}
