import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

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
}
