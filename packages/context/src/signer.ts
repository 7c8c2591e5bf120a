import { SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { CONTEXT_ALG } from './keys.js';
import type { HubContext } from './viewer.js';

export const CONTEXT_HEADER = 'x-hub-context';
export const CONTEXT_ISSUER = 'welfare-hub-gateway';
/** Long enough for one subgraph call, short enough that a captured header is soon worthless. */
export const CONTEXT_TTL_SECONDS = 30;

/** The gateway's side: a short-lived signed statement of the request context, for one subgraph. */
export class ContextSigner {
  constructor(private readonly privateKey: CryptoKey) {}

  sign(audience: string, context: HubContext, opHash: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      org: context.viewer.orgId,
      roles: context.viewer.roles,
      mtg: context.meetingId,
      case: context.caseId ?? null,
      rid: context.requestId,
      op: opHash,
    })
      .setProtectedHeader({ alg: CONTEXT_ALG })
      .setIssuer(CONTEXT_ISSUER)
      .setSubject(context.viewer.staffId)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + CONTEXT_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
