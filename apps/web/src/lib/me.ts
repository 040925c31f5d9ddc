import { useQuery } from 'urql';
import { graphql } from '../gql';

const Me = graphql(`
  query Me {
    me {
      id
      role
      company {
        id
      }
    }
  }
`);

/** The signed-in user: whether they may act for their company (delegates only read). */
export function useMe() {
  const [{ data }] = useQuery({ query: Me });
  return { me: data?.me ?? null, canAct: data?.me.role === 'COMPANY' };
}
