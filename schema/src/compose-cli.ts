// Writes schema/supergraph.graphql. Run after changing any subgraph SDL; the composition test checks that the
// committed file is what composition gives today.
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from './compose.js';
import { supergraphPath } from './subgraphs.js';

const { supergraphSdl, unacceptedHints } = composeSupergraph();
if (unacceptedHints.length > 0) {
  console.error(`composition hints not accepted:\n${unacceptedHints.join('\n')}`);
  process.exit(1);
}
writeFileSync(supergraphPath(), supergraphSdl);
console.log(`wrote ${supergraphPath().pathname}`);
