import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// GraphiQL, bundled (no CDN), served by the gateway on GET /graphql in demo mode. The console's session token, if
// this tab has one, is offered in the headers editor; GraphiQL's tabs and history live in sessionStorage, not
// localStorage, and headers are never stored.
const token = sessionStorage.getItem('welfare-hub.session');
const headers = JSON.stringify(
  { authorization: token ? `Bearer ${token}` : 'Bearer <npm run -s token -- --sub kaigo-01 --org KAIGO-HOKATSU>' },
  null,
  2,
);
const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} headers={headers} shouldPersistHeaders={false} storage={sessionStorage} defaultEditorToolsVisibility="headers" />,
);
