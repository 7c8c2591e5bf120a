import { jwtVerify, type CryptoKey } from 'jose';
import { CONTEXT_ALG } from './keys.js';
import { CONTEXT_ISSUER, CONTEXT_TTL_SECONDS } from './signer.js';
import { ReplayGuard } from './replay-guard.js';
import { toRoles, type HubContext } from './viewer.js';

export class ContextRejected extends Error {}

/** A subgraph's side: accepts only fresh, unused statements the gateway signed for this subgraph and this operation. */
export class ContextVerifier {
  private readonly replays = new ReplayGuard();

  constructor(
    private readonly publicKey: CryptoKey,
    private readonly audience: string,
  ) {}

  async verify(token: string | undefined, opHash: string): Promise<HubContext> {
    if (!token) throw new ContextRejected('missing context signature');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [CONTEXT_ALG],
        issuer: CONTEXT_ISSUER,
        audience: this.audience,
        maxTokenAge: CONTEXT_TTL_SECONDS + 5,
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
      }));
    } catch {
      throw new ContextRejected('invalid context signature');
    }
    if (payload['op'] !== opHash) throw new ContextRejected('signature is for another operation');
    if (typeof payload['org'] !== 'string' || typeof payload['rid'] !== 'string') {
      throw new ContextRejected('incomplete context');
    }
    if (!this.replays.firstUse(payload.jti!, payload.exp!)) throw new ContextRejected('replayed context signature');
    const meeting = payload['mtg'];
    const caseId = payload['case'];
    return {
      viewer: { staffId: payload.sub!, orgId: payload['org'], roles: toRoles(payload['roles']) },
      meetingId: typeof meeting === 'string' && meeting.length > 0 ? meeting : null,
      requestId: payload['rid'],
      caseId: typeof caseId === 'string' && caseId.length > 0 ? caseId : null,
    };
  }
}
