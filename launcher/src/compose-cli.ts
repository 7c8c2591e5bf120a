// Writes schema/supergraph.graphql and the client-facing schema/client.graphql from the registry's subgraphs (the
// hub composes the same at start: compose/supergraph.ts). Run after changing any subgraph SDL; the composition tests
// check that both committed files are what composition gives today.
import { writeFileSync } from 'node:fs';
import { clientSchemaPath, clientSchemaSdl, supergraphPath } from '@welfare-hub/schema';
import { registrySupergraph } from './compose/supergraph.js';
import { sectorModules } from './sectors.js';

const { supergraphSdl, unacceptedHints } = await registrySupergraph(sectorModules());
if (unacceptedHints.length > 0) {
  console.error(`composition hints not accepted:\n${unacceptedHints.join('\n')}`);
  process.exit(1);
}
writeFileSync(supergraphPath(), supergraphSdl);
writeFileSync(clientSchemaPath(), clientSchemaSdl(supergraphSdl));
console.log(`wrote ${supergraphPath().pathname} and ${clientSchemaPath().pathname}`);
