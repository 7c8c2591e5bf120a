import { SignJWT } from 'jose';
import { ContextSigner, generateSigningKeys } from '@welfare-hub/context';
import { supergraphSdl } from '@welfare-hub/schema';
import { CircuitBreaker } from '../src/circuit.js';
import { createAuthenticator } from '../src/authenticate.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { startStandInSubgraphs, type StandInSubgraphs } from './support/stand-in-subgraphs.js';

const SECRET = 'circuit-test-secret-long-enough-for-hs256-000';
const QUERY = `{ person(id: "0000000001") { name kaigo { careLevel } kodomo { cases { id } } } }`;

describe('the circuit breaker', () => {
  it('opens after the failures in a row, lets one call through after the cool-down, and closes on its success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(breaker.allow()).toBe(true);
      breaker.failedOnce();
    }
    expect(breaker.allow()).toBe(false);
    now = 1000;
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false); // one probe at a time
    breaker.failedOnce();
    expect(breaker.allow()).toBe(false);
    now = 2000;
    expect(breaker.allow()).toBe(true);
    breaker.succeeded();
    expect(breaker.allow()).toBe(true);
  });

  describe('at the gateway', () => {
    let standIns: StandInSubgraphs;
    let gateway: RunningGateway;
    let bearer: string;
    beforeAll(async () => {
      standIns = await startStandInSubgraphs();
      gateway = await startGateway({
        host: '127.0.0.1', port: 0, supergraphSdl: supergraphSdl(), endpoints: standIns.endpoints,
        signer: new ContextSigner((await generateSigningKeys()).privateKey),
        authenticate: createAuthenticator({ mode: 'demo', secret: SECRET, jwksUrl: null, issuer: null, audience: null }),
        production: false, circuit: { failures: 3, coolDownMs: 60_000 },
      });
      bearer = await new SignJWT({ org: 'KAIGO-HOKATSU', roles: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('kaigo-01').setExpirationTime('10m').sign(new TextEncoder().encode(SECRET));
    }, 30_000);
    afterAll(async () => {
      await gateway.close();
      await standIns.close();
    });

    it('stops calling a sector that keeps failing, and the rest of each answer stands', async () => {
      standIns.setFailing('kodomo', true);
      const answers = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query: QUERY }) });
        answers.push((await response.json()) as { data: { person: { name: string; kaigo: unknown; kodomo: unknown } }; errors?: { extensions: { code: string } }[] });
      }
      expect(standIns.callsTo('kodomo')).toBe(3);
      for (const answer of answers) {
        expect(answer.data.person.name).toBe('x');
        expect(answer.data.person.kaigo).not.toBeNull();
        expect(answer.data.person.kodomo).toBeNull();
        expect(answer.errors?.map((e) => e.extensions.code)).toEqual(['SECTOR_UNAVAILABLE']);
      }
    });
  });
});
