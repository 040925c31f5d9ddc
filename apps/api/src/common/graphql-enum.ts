import { registerEnumType } from '@nestjs/graphql';

/**
 * A GraphQL enum made from an entity's `as const` list of values (the list its
 * check constraint is made from too), so the database, the schema and the
 * TypeScript union never drift apart.
 */
export function graphqlEnum<const T extends string>(values: readonly T[], name: string, description?: string): { [K in T]: K } {
  const object = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(object, { name, description });
  return object;
}
