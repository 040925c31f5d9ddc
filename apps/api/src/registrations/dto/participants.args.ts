import { Text } from '../../common/text.validator';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

@InputType()
export class ParticipantFilter {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'filter.side must be an ISO 3166-1 alpha-2 code in capitals, e.g. KR' })
  side?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'filter.country must be an ISO 3166-1 alpha-2 code in capitals, e.g. KR' })
  country?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Text(0, 60)
  sector?: string;

  @Field({ nullable: true, description: 'Companies speaking this language (ISO 639-1, e.g. ko)' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'filter.language must be an ISO 639-1 code in lower case, e.g. ko' })
  language?: string;

  @Field({ nullable: true, description: 'Matches inside what companies offer or seek' })
  @IsOptional()
  @IsString()
  @Text(0, 200)
  keyword?: string;

  @Field({ nullable: true, description: 'Matches inside names and descriptions' })
  @IsOptional()
  @IsString()
  @Text(0, 200)
  text?: string;
}

@ArgsType()
export class ParticipantsArgs {
  @Field(() => ID)
  @IsString()
  forumId: string;

  @Field(() => ParticipantFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantFilter)
  filter?: ParticipantFilter;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number;

  @Field({ nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Text(0, 500)
  after?: string;
}
