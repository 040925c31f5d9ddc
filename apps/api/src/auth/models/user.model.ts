import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LANGUAGES, languageFromSpoken, type Language } from '@forum/common';
import { ROLES, type Role, type User } from '@forum/db';
import { graphqlEnum } from '../../common/graphql-enum';

export const RoleModel = graphqlEnum(ROLES, 'Role');
export type RoleModel = Role;

/** The GraphQL enum of the languages the product speaks (values: en, ko, vi), from the one list in @forum/common. */
export const LanguageEnum = graphqlEnum(LANGUAGES, 'Language', 'en, ko or vi: the language of files and messages');

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => RoleModel)
  role: RoleModel;

  @Field(() => LanguageEnum, { description: "The language of this user's files and messages: chosen, else from the company's languages, else en" })
  language: Language;

  @Field(() => LanguageEnum, { nullable: true, description: 'The language this user chose (setPreferredLanguage), if any' })
  preferredLanguage: Language | null;

  /** Resolved by a field resolver (the company's profile). */
  companyId: string | null;

  static from(user: User): UserModel {
    return Object.assign(new UserModel(), {
      preferredLanguage: user.preferredLanguage,
      language: user.preferredLanguage ?? languageFromSpoken(user.company?.languages ?? []),
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role as RoleModel,
      companyId: user.companyId,
    });
  }
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken: string;

  @Field(() => UserModel)
  user: UserModel;
}
