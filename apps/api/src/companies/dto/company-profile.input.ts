import { Text } from '../../common/text.validator';
import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

/** An optional list of at most 50 trimmed texts, each 1 to `maxLength` characters. */
function TextList(maxLength: number) {
  return applyDecorators(
    IsOptional(),
    Transform(trimAll),
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    Text(1, maxLength, { each: true }),
  );
}

/** A company's public profile: what other firms browse and what matching reads. */
@InputType('CompanyInput')
export class CompanyProfileInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Text(1, 200)
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. VN' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code in capitals, e.g. VN' })
  country: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Text(1, 100)
  city?: string;

  @Field(() => [String], { nullable: true, description: 'e.g. SOFTWARE, AI, SEMICONDUCTORS' })
  @TextList(60)
  sectors?: string[];

  @Field(() => [String], { nullable: true })
  @TextList(200)
  offers?: string[];

  @Field(() => [String], { nullable: true })
  @TextList(200)
  seeks?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. vi, en' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages must be ISO 639-1 codes in lower case, e.g. vi' })
  languages?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Text(0, 300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Text(0, 5000, { multiline: true })
  description?: string;
}
