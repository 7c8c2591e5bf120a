// Prints a token the demo hub accepts: node gateway/dist/bin/token.js --sub kaigo-01 --org KAIGO-HOKATSU [--roles admin,coordinator] [--ttl 3600]
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { DEMO_JWT_SECRET } from '../config.js';

const { values } = parseArgs({
  options: {
    sub: { type: 'string', default: 'kaigo-01' },
    org: { type: 'string', default: 'KAIGO-HOKATSU' },
    roles: { type: 'string', default: '' },
    ttl: { type: 'string', default: '3600' },
  },
});
const secret = new TextEncoder().encode(process.env['HUB_JWT_SECRET'] || DEMO_JWT_SECRET);
const roles = values.roles
  ? values.roles
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean)
  : [];
const token = await new SignJWT({ org: values.org, roles })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(values.sub)
  .setIssuedAt()
  .setExpirationTime(`${Number(values.ttl)}s`)
  .sign(secret);
console.log(token);
