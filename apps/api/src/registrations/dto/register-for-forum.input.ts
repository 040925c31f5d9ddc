import { Text } from '../../common/text.validator';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class DelegateInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Text(1, 200)
  name: string;

  @Field()
  @MaxLength(254)
  @IsEmail({}, { message: 'delegates.email must be an email address' })
  email: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Text(1, 200)
  title?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages must be ISO 639-1 codes in lower case, e.g. vi' })
  languages?: string[];
}

@InputType('RegistrationInput')
export class RegisterForForumInput {
  @Field({ nullable: true, description: "One of the forum's sides (ISO 3166-1 alpha-2); required when the forum has sides" })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'side must be an ISO 3166-1 alpha-2 code in capitals, e.g. VN' })
  side?: string;

  @Field(() => [DelegateInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'delegates: name at least one person attending' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DelegateInput)
  delegates: DelegateInput[];

  @Field(() => [ID], { defaultValue: [], description: 'Slots the company cannot meet in' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  unavailableSlotIds: string[];

  @Field(() => Int, { nullable: true, description: "At most this many meetings (at most the forum's maximum)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxMeetings?: number;
}

@InputType('UpdateRegistrationInput', { description: 'What a company may change in its registration while the forum is open; a field left out stays as it is.' })
export class UpdateRegistrationInput {
  @Field(() => [ID], { nullable: true, description: 'Slots the company cannot meet in (the whole list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  unavailableSlotIds?: string[];

  @Field(() => Int, { nullable: true, description: "At most this many meetings (at most the forum's maximum)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxMeetings?: number;
}
