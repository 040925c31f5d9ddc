import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { User } from '@forum/db';

export enum RoleModel {
  ORGANIZER = 'ORGANIZER',
  COMPANY = 'COMPANY',
  DELEGATE = 'DELEGATE',
}
registerEnumType(RoleModel, { name: 'Role' });

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

  /** Resolved by a field resolver (the company's profile). */
  companyId: string | null;

  static from(user: User): UserModel {
    return Object.assign(new UserModel(), {
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
