import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The Ed25519 pair that signs the audit log's checkpoints, and the id a checkpoint names it by. */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SHA-256 of the public key (SPKI DER), hex. */
  keyId: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function fromPrivatePem(pem: string): AuditSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('HUB_AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS8 PEM)');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function generateAuditSigningKey(): AuditSigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return fromPrivatePem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
}

/**
 * The checkpoint key: HUB_AUDIT_SIGNING_KEY (PKCS8 PEM) when set. A production hub refuses to run without it,
 * since a key that lives only in the database's own host would let whoever rewrites the log re-sign it.
 * Otherwise (demo, tests) the key kept in `file`, created there on first use, or a fresh one per process.
 */
export function auditSigningKey(pem: string | null, options: { production: boolean; file?: string }): AuditSigningKey {
  if (pem) return fromPrivatePem(pem.replace(/\\n/g, '\n'));
  if (options.production)
    throw new Error('HUB_AUDIT_SIGNING_KEY is required in production: the audit checkpoints must be signed with a key kept apart from the database');
  if (!options.file) return generateAuditSigningKey();
  if (existsSync(options.file)) return fromPrivatePem(readFileSync(options.file, 'utf8'));
  const key = generateAuditSigningKey();
  writeFileSync(options.file, key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  return key;
}
