import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SchedulingModeModel {
  QUEUE = 'queue',
  IN_PROCESS = 'in-process',
}

registerEnumType(SchedulingModeModel, {
  name: 'SchedulingMode',
  description: 'QUEUE: scheduling runs on the worker through Redis. IN_PROCESS: single-process mode of `npm start`.',
});

@ObjectType('ServerInfo', { description: 'What this server is and how it runs.' })
export class ServerInfoModel {
  @Field()
  version: string;

  @Field(() => SchedulingModeModel)
  schedulingMode: SchedulingModeModel;

  @Field(() => Int, { nullable: true, description: 'Scheduling workers alive in the last 30 s (QUEUE mode); null in IN_PROCESS mode' })
  schedulingWorkers: number | null;

  @Field({ description: 'Whether a schedule run would start now; false: runs wait in the queue until a worker starts' })
  schedulingAvailable: boolean;
}
