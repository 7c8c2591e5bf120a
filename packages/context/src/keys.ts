import { generateKeyPair, exportPKCS8, exportSPKI, importPKCS8, importSPKI, type CryptoKey } from 'jose';

export const CONTEXT_ALG = 'EdDSA';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** A fresh Ed25519 pair: the gateway signs with the private key, the subgraphs hold only the public one. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair(CONTEXT_ALG, { crv: 'Ed25519', extractable: true });
  return { privateKey, publicKey };
}

export async function exportSigningKeys(keys: SigningKeys): Promise<{ privatePem: string; publicPem: string }> {
  return { privatePem: await exportPKCS8(keys.privateKey), publicPem: await exportSPKI(keys.publicKey) };
}

export function importPrivateKey(pem: string): Promise<CryptoKey> {
  return importPKCS8(pem, CONTEXT_ALG);
}

export function importPublicKey(pem: string): Promise<CryptoKey> {
  return importSPKI(pem, CONTEXT_ALG);
}
