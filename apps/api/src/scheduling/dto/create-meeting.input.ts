import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString } from 'class-validator';

@InputType()
export class CreateMeetingInput {
  @Field(() => ID)
  @IsString()
  forumId: string;

  @Field(() => [ID], { description: 'The two companies that meet' })
  @IsArray()
  @ArrayMinSize(2, { message: 'companyIds: give two different companies' })
  @ArrayMaxSize(2, { message: 'companyIds: give two different companies' })
  @IsString({ each: true })
  companyIds: string[];

  @Field(() => ID)
  @IsString()
  slotId: string;

  @Field(() => ID, { nullable: true, description: 'Left out: a free table is chosen (an interpreter table when the pair needs one)' })
  @IsOptional()
  @IsString()
  tableId?: string | null;
}
