import { Text } from '../../common/text.validator';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { CompanyProfileInput } from '../../companies/dto/company-profile.input';

@InputType()
export class SignUpInput {
  @Field()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @Field()
  @IsString()
  @Length(8, 128, { message: 'password must be 8 to 128 characters long' })
  password: string;

  @Field({ description: "The representative's name" })
  @IsString()
  @Text(1, 200)
  name: string;

  @Field(() => CompanyProfileInput)
  @ValidateNested()
  @Type(() => CompanyProfileInput)
  company: CompanyProfileInput;
}
