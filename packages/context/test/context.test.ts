import { SignJWT } from 'jose';
import { ContextSigner, ContextVerifier, generateSigningKeys, operationHash, type HubContext, type SigningKeys } from '../src/index.js';

const context: HubContext = {
  viewer: { staffId: 'S001', orgId: 'ORG1', roles: ['coordinator'] },
  meetingId: 'M1',
  requestId: 'r-1',
  caseId: 'case-1',
};
const op = operationHash('{ person(id: "1") { id } }', { a: 1 });

describe('signed subgraph context', () => {
  let keys: SigningKeys;
  let other: SigningKeys;
  beforeAll(async () => {
    keys = await generateSigningKeys();
    other = await generateSigningKeys();
  });

  it('carries the viewer, meeting, request id and case to the subgraph it was signed for', async () => {
    const token = await new ContextSigner(keys.privateKey).sign('juki', context, op);
    await expect(new ContextVerifier(keys.publicKey, 'juki').verify(token, op)).resolves.toEqual(context);
  });

  it('carries no case when the request names none', async () => {
    const token = await new ContextSigner(keys.privateKey).sign('juki', { ...context, caseId: null }, op);
    await expect(new ContextVerifier(keys.publicKey, 'juki').verify(token, op)).resolves.toMatchObject({ caseId: null, meetingId: 'M1' });
  });

  it('refuses a missing signature, another key, another audience and another operation', async () => {
    const token = await new ContextSigner(keys.privateKey).sign('juki', context, op);
    await expect(new ContextVerifier(keys.publicKey, 'juki').verify(undefined, op)).rejects.toThrow('missing');
    await expect(new ContextVerifier(other.publicKey, 'juki').verify(token, op)).rejects.toThrow('invalid');
    await expect(new ContextVerifier(keys.publicKey, 'hub').verify(token, op)).rejects.toThrow('invalid');
    await expect(new ContextVerifier(keys.publicKey, 'juki').verify(token, operationHash('{ x }', { a: 1 }))).rejects.toThrow('another operation');
    await expect(new ContextVerifier(keys.publicKey, 'juki').verify(token, operationHash('{ person(id: "1") { id } }', { a: 2 }))).rejects.toThrow(
      'another operation',
    );
  });

  it('accepts a signature once', async () => {
    const verifier = new ContextVerifier(keys.publicKey, 'juki');
    const token = await new ContextSigner(keys.privateKey).sign('juki', context, op);
    await verifier.verify(token, op);
    await expect(verifier.verify(token, op)).rejects.toThrow('replayed');
  });

  it('checks the header alone first, and a body for another operation does not use the signature up', async () => {
    const verifier = new ContextVerifier(keys.publicKey, 'juki');
    await expect(verifier.verifyHeader(undefined)).rejects.toThrow('missing');
    await expect(verifier.verifyHeader('not.a.jws')).rejects.toThrow('invalid');
    await expect(verifier.verifyHeader(await new ContextSigner(other.privateKey).sign('juki', context, op))).rejects.toThrow('invalid');
    await expect(verifier.verifyHeader(await new ContextSigner(keys.privateKey).sign('hub', context, op))).rejects.toThrow('invalid');
    const signed = await verifier.verifyHeader(await new ContextSigner(keys.privateKey).sign('juki', context, op));
    await expect(verifier.bind(signed, operationHash('{ x }', {}))).rejects.toThrow('another operation');
    await expect(verifier.bind(signed, op)).resolves.toEqual(context);
    await expect(verifier.bind(signed, op)).rejects.toThrow('replayed');
  });

  it('binds only what it verified itself', async () => {
    const signed = await new ContextVerifier(keys.publicKey, 'juki').verifyHeader(await new ContextSigner(keys.privateKey).sign('juki', context, op));
    await expect(new ContextVerifier(keys.publicKey, 'juki').bind(signed, op)).rejects.toThrow('elsewhere');
  });

  it('refuses an expired signature', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const token = await new SignJWT({ org: 'ORG1', roles: [], rid: 'r', op })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('welfare-hub-gateway')
      .setSubject('S001')
      .setAudience('juki')
      .setIssuedAt(past)
      .setExpirationTime(past + 30)
      .setJti('j-expired')
      .sign(keys.privateKey);
    await expect(new ContextVerifier(keys.publicKey, 'juki').verify(token, op)).rejects.toThrow('invalid');
  });
});
