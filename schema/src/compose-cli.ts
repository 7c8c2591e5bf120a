// Writes schema/supergraph.graphql and the client-facing schema/client.graphql. Run after changing any subgraph SDL;
// the composition tests check that both committed files are what composition gives today.
import { writeFileSync } from 'node:fs';
import { clientSchemaPath, clientSchemaSdl } from './client-schema.js';
import { composeSupergraph } from './compose.js';
import { supergraphPath } from './subgraphs.js';

const { supergraphSdl, unacceptedHints } = composeSupergraph();
if (unacceptedHints.length > 0) {
  console.error(`composition hints not accepted:\n${unacceptedHints.join('\n')}`);
  process.exit(1);
}
writeFileSync(supergraphPath(), supergraphSdl);
writeFileSync(clientSchemaPath(), clientSchemaSdl(supergraphSdl));
console.log(`wrote ${supergraphPath().pathname} and ${clientSchemaPath().pathname}`);
