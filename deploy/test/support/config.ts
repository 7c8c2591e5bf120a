import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FILE_VARIABLES, loadConfig, type Role } from '@welfare-hub/launcher';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** A value of the right form for each secret a deployment hands over, as its operator would. */
const SECRET_VALUES: Record<string, string> = {
  HUB_DATABASE_URL: 'postgres://hub:secret@hub-db:5432/hub',
  HUB_KAIGO_DB_URL: 'mysql://hub:secret@kaigo-vendor:3306/kaigo',
  HUB_CONTEXT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  HUB_AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  HUB_CONTEXT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  HUB_ANALYTICS_KEY: 'a'.repeat(48),
  HUB_JWT_SECRET: 's'.repeat(48),
  HUB_KODOMO_API_KEY: 'kodomo-api-key',
};

/**
 * What the launcher's own configuration says of a part started with this environment: an empty list when it starts.
 * `files` are the variables a deployment gives as a mounted file (`<NAME>_FILE`) or a secret reference: each is
 * materialised with a value of the right form, so that the check is the one the process itself runs at boot.
 */
export function startProblems(role: Role, env: Record<string, string>, secrets: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hub-deploy-env-'));
  try {
    const full: Record<string, string> = { ...env };
    for (const name of secrets) {
      const variable = name.replace(/_FILE$/, '');
      const value = SECRET_VALUES[variable];
      if (value === undefined || !(FILE_VARIABLES as readonly string[]).includes(variable)) return [`${name}: not a secret the hub reads`];
      if (name.endsWith('_FILE')) {
        const path = join(dir, variable);
        writeFileSync(path, `${value}\n`);
        full[name] = path;
      } else {
        full[name] = value;
      }
    }
    loadConfig(full, role);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
