// The SDL's enums are the domain's unions (codegen.ts enumValues), so the generated types name the domain's own; codegen
// does not compare their values, so this test does. A union with no list at run time is written out here as a Record
// over it, which the compiler holds to exactly the union's members.
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { sdl } from '../src/sdl.js';
import { SECTORS, type AccessBasis, type MeetingContextState } from '@welfare-hub/policy';
import { SITUATION_KINDS, type Grouping } from '@welfare-hub/analytics';
import type { AuditProblem } from '@welfare-hub/audit';
import { GUARDIAN_RELATIONSHIPS } from '../src/consent/guardian.js';
import type { MeetingRole } from '../src/meeting/meetings.js';
import type { MeetingFlag } from '../src/meeting/review.js';
import type { ConsentFlag } from '../src/consent/consents.js';
import type { RegisterChangeFlag, RegisterEntity } from '../src/register/history.js';

const all = <T extends string>(members: Record<T, true>): string[] => Object.keys(members);

const MAPPED: Record<string, readonly string[]> = {
  Sector: SECTORS,
  SituationKind: SITUATION_KINDS,
  GuardianRelationship: GUARDIAN_RELATIONSHIPS,
  AccessBasis: all<AccessBasis>({ OWN_SECTOR: true, CONSENT: true, SUPPORT_MEETING: true }),
  MeetingContextState: all<MeetingContextState>({ NONE: true, USABLE: true, NOT_OPEN: true, UNAVAILABLE: true }),
  Grouping: all<Grouping>({ DISTRICT: true, AGE_BAND: true }),
  AuditProblem: all<AuditProblem>({
    ENTRY_CHANGED: true,
    ENTRY_MISSING: true,
    TAIL_CUT: true,
    REWRITTEN: true,
    CHECKPOINT_INVALID: true,
    CHECKPOINT_MISSING: true,
    START_MOVED: true,
    WITNESS_INVALID: true,
  }),
  MeetingRole: all<MeetingRole>({ FULL: true, SUBMIT_ONLY: true }),
  MeetingFlag: all<MeetingFlag>({ SINGLE_ORGANISATION: true, CONVENOR_MEMBER: true, NO_REASON: true }),
  ConsentFlag: all<ConsentFlag>({ SELF_RECIPIENT: true, NO_EVIDENCE: true, GUARDIAN_UNVERIFIED: true }),
  RegisterEntity: all<RegisterEntity>({ ORGANISATION: true, STAFF: true }),
  RegisterChangeFlag: all<RegisterChangeFlag>({
    SECTORS_WIDENED: true,
    BROUGHT_INSIDE_WELFARE: true,
    STAFF_MOVED: true,
    OWN_REGISTRATION: true,
    UNREGISTERED_ACTOR: true,
    REVERTS_PREVIOUS: true,
    REVERTED: true,
  }),
};

const sdlEnums = new Map(
  parse(sdl())
    .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION)
    .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value).sort()]),
);

describe('the hub SDL enums and the domain unions they are mapped to', () => {
  it.each(Object.entries(MAPPED))('%s has the same values', (name, values) => {
    expect(sdlEnums.get(name)).toEqual([...values].sort());
  });
});
