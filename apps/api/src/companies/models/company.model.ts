import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Company } from '@forum/db';

@ObjectType('Company', { description: "A firm's public profile." })
export class CompanyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  country: string;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => [String])
  sectors: string[];

  @Field(() => [String])
  offers: string[];

  @Field(() => [String])
  seeks: string[];

  @Field(() => [String])
  languages: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  static from(company: Company): CompanyModel {
    const { id, name, country, city, sectors, offers, seeks, languages, website, description } = company;
    return Object.assign(new CompanyModel(), { id, name, country, city, sectors, offers, seeks, languages, website, description });
  }
}
