// Prints a fresh context-signing key pair as two env-file lines: the private one for the gateway only,
// the public one for every subgraph.
import { exportSigningKeys, generateSigningKeys } from '@welfare-hub/context';

const { privatePem, publicPem } = await exportSigningKeys(await generateSigningKeys());
const oneLine = (pem: string): string => JSON.stringify(pem.trim());
console.log(`HUB_CONTEXT_PRIVATE_KEY=${oneLine(privatePem)}`);
console.log(`HUB_CONTEXT_PUBLIC_KEY=${oneLine(publicPem)}`);
