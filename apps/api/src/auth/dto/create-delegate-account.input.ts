import { Text } from '../../common/text.validator';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

@InputType()
export class CreateDelegateAccountInput {
  @Field()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @Field()
  @IsString()
  @Length(8, 128, { message: 'password must be 8 to 128 characters long' })
  password: string;

  @Field()
  @IsString()
  @Text(1, 200)
  name: string;
}
