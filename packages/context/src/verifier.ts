import { jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import { CONTEXT_ALG } from './keys.js';
import { CONTEXT_ISSUER, CONTEXT_TTL_SECONDS } from './signer.js';
import { MemoryReplayGuard, type ReplayGuard } from './replay-guard.js';
import { toRoles, type HubContext } from './viewer.js';

export class ContextRejected extends Error {}

/**
 * A context whose signature, issuer, audience and lifetime were verified, not yet bound to an operation. Only
 * ContextVerifier makes one: the constructor's token is private to this module.
 */
export class SignedContext {
  /** @internal */
  constructor(
    readonly claims: Readonly<JWTPayload> & { jti: string; exp: number; sub: string; org: string; rid: string },
    readonly verifiedBy: ContextVerifier,
  ) {}
}

/**
 * A subgraph's side: accepts only fresh, unused statements the gateway signed for this subgraph and this operation.
 * Two steps, so that a caller who is not the gateway is refused on its headers alone, before its body is read:
 * `verifyHeader` (signature, issuer, audience, lifetime), then, with the body, `bind` (the operation hash and the
 * one-time use of the signature, which costs a statement when the guard is shared).
 */
export class ContextVerifier {
  constructor(
    private readonly publicKey: CryptoKey,
    private readonly audience: string,
    private readonly replays: ReplayGuard = new MemoryReplayGuard(),
  ) {}

  async verifyHeader(token: string | undefined): Promise<SignedContext> {
    if (!token) throw new ContextRejected('missing context signature');
    let payload: JWTPayload;
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
    const { org, rid } = payload as { org?: unknown; rid?: unknown };
    if (typeof org !== 'string' || typeof rid !== 'string') throw new ContextRejected('incomplete context');
    return new SignedContext({ ...payload, jti: payload.jti!, exp: payload.exp!, sub: payload.sub!, org, rid }, this);
  }

  /** The operation the signature was made for must be the one in the body; then the signature is used up. */
  async bind(signed: SignedContext, opHash: string): Promise<HubContext> {
    if (signed.verifiedBy !== this) throw new ContextRejected('context verified elsewhere');
    const { claims } = signed;
    if (claims['op'] !== opHash) throw new ContextRejected('signature is for another operation');
    // Last, so that neither a bad body nor a stranger costs a statement on a shared guard.
    if (!(await this.replays.firstUse(claims.jti, claims.exp))) throw new ContextRejected('replayed context signature');
    const meeting = claims['mtg'];
    const caseId = claims['case'];
    return {
      viewer: { staffId: claims.sub, orgId: claims.org, roles: toRoles(claims['roles']) },
      meetingId: typeof meeting === 'string' && meeting.length > 0 ? meeting : null,
      requestId: claims.rid,
      caseId: typeof caseId === 'string' && caseId.length > 0 ? caseId : null,
    };
  }

  /** Both steps at once, for a caller that has the operation in hand (a GET without a body). */
  async verify(token: string | undefined, opHash: string): Promise<HubContext> {
    return this.bind(await this.verifyHeader(token), opHash);
  }
}
