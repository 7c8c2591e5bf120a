import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from './gql/index.js';

const VIEWER = graphql(`
  query Viewer {
    me {
      staffId
      orgId
      roles
      registered
      staff {
        id
        name
      }
      organisation {
        id
        name
        sectors
      }
    }
  }
`);

/** Who the hub says the viewer is: names for the header, the organisation's sectors for the navigation. */
export function useViewer(client: ApolloClient) {
  const { data } = useQuery(VIEWER, { client });
  return data?.me ?? null;
}
