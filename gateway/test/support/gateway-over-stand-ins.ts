import { SignJWT } from 'jose';
import { ContextSigner, generateSigningKeys } from '@welfare-hub/context';
import { supergraphSdl } from '@welfare-hub/schema';
import { createAuthenticator } from '../../src/authenticate.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/gateway.js';
import { gatewayDefaults } from './defaults.js';
import { startStandInSubgraphs, type StandInSubgraphs } from './stand-in-subgraphs.js';

const SECRET = 'stand-in-test-secret-long-enough-for-hs256-00';

/** One person's name with two sectors: kodomo is the one the tests make fail, kaigo the one that must stand. */
export const PERSON_QUERY = `{ person(id: "0000000001") { name kaigo { careLevel } kodomo { cases { id } } } }`;
export type PersonAnswer = {
  data: { person: { name: string; kaigo: unknown; kodomo: unknown } };
  errors?: { message: string; extensions: Record<string, unknown> }[];
};

export interface GatewayOverStandIns {
  standIns: StandInSubgraphs;
  gateway: RunningGateway;
  /** Asks PERSON_QUERY as kaigo-01 and says how long the answer took. */
  ask(): Promise<{ answer: PersonAnswer; ms: number }>;
  close(): Promise<void>;
}

/** The real gateway over stand-in subgraphs, for the faults a real subgraph cannot be made to show on demand. */
export async function startGatewayOverStandIns(
  options: Partial<Pick<GatewayOptions, 'subgraphTimeoutMs' | 'circuit' | 'maxSubgraphResponseBytes'>>,
): Promise<GatewayOverStandIns> {
  const standIns = await startStandInSubgraphs();
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    supergraphSdl: supergraphSdl(),
    endpoints: standIns.endpoints,
    signer: new ContextSigner((await generateSigningKeys()).privateKey),
    authenticate: createAuthenticator({ mode: 'demo', secret: SECRET, jwksUrl: null, issuer: null, audience: null }),
    production: false,
    ...gatewayDefaults(),
    ...options,
  });
  const bearer = await new SignJWT({ org: 'KAIGO-HOKATSU', roles: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('kaigo-01')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));
  return {
    standIns,
    gateway,
    async ask() {
      const started = Date.now();
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: PERSON_QUERY }),
      });
      return { answer: (await response.json()) as PersonAnswer, ms: Date.now() - started };
    },
    async close() {
      await gateway.close();
      await standIns.close();
    },
  };
}
