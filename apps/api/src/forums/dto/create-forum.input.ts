import { Text } from '../../common/text.validator';
import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/date-time.scalar';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDate, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class SessionInput {
  @Field(() => DateTimeScalar, { description: 'With its offset, e.g. 2024-06-10T09:00:00+07:00' })
  @IsDate()
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @IsDate()
  endsAt: Date;
}

@InputType()
export class CreateForumInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Text(1, 200)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Text(1, 200)
  venue?: string;

  @Field({ description: 'IANA time zone the forum is shown in, e.g. Asia/Ho_Chi_Minh' })
  @IsString()
  @Text(1, 64)
  timeZone: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the delegations that meet, e.g. ["KR", "VN"]; empty: anyone meets anyone' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'sides must be ISO 3166-1 alpha-2 codes in capitals, e.g. KR' })
  sides: string[];

  @Field(() => Int)
  @IsInt()
  @Min(5)
  @Max(240)
  slotMinutes: number;

  @Field(() => Int, { nullable: true, description: 'Changeover between slots (default 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  breakMinutes?: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100)
  maxMeetingsPerCompany: number;

  @Field(() => [SessionInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SessionInput)
  sessions: SessionInput[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  tableCount: number;

  @Field(() => Int, { nullable: true, description: 'How many of the tables (the first ones) have an interpreter (default 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  interpreterTableCount?: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'After this, no new meeting requests' })
  @IsOptional()
  @IsDate()
  requestDeadline?: Date;

  @Field({ nullable: true, description: "Whether a company's side must be its country (default true)" })
  @IsOptional()
  @IsBoolean()
  sideMustMatchCountry?: boolean;

  @Field({ nullable: true, description: 'Each registration waits for the organiser\'s approval before others see it and it is scheduled (default false)' })
  @IsOptional()
  @IsBoolean()
  requireApproval?: boolean;
}

/** Only the fields given change; nothing has a default here (a default would overwrite the forum's setting). */
@InputType()
export class UpdateForumInput extends PartialType(CreateForumInput) {}
