export * from './viewer.js';
export * from './keys.js';
export type { CryptoKey } from 'jose';
export { operationHash } from './request-binding.js';
export { ContextSigner, CONTEXT_HEADER, CONTEXT_ISSUER, CONTEXT_TTL_SECONDS } from './signer.js';
export { ContextVerifier, ContextRejected } from './verifier.js';
