export * from './viewer.js';
export * from './keys.js';
export type { CryptoKey } from 'jose';
export { operationHash } from './request-binding.js';
export { ContextSigner, CONTEXT_HEADER, CONTEXT_ISSUER, CONTEXT_TTL_SECONDS } from './signer.js';
export { ContextVerifier, ContextRejected, SignedContext } from './verifier.js';
export { MemoryReplayGuard, type ReplayGuard } from './replay-guard.js';
export { SharedReplayGuard, replayGuardFor } from './used-signatures.js';
export { contextMigrations } from './migrations/index.js';
