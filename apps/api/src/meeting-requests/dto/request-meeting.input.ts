import { Text } from '../../common/text.validator';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@InputType('RequestMeetingInput')
export class RequestMeetingInput {
  @Field(() => ID)
  @IsString()
  forumId: string;

  @Field(() => ID, { description: "The other company's id (Participant.id)" })
  @IsString()
  toCompanyId: string;

  @Field(() => Int, { description: '1 (low) to 5 (high)' })
  @IsInt()
  @Min(1, { message: 'priority must be from 1 (low) to 5 (high)' })
  @Max(5, { message: 'priority must be from 1 (low) to 5 (high)' })
  priority: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Text(0, 1000, { multiline: true })
  message?: string;
}
