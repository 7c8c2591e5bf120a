// The SDL's enums are the domain's unions (codegen.ts enumValues), so the generated types name the domain's own; codegen
// does not compare their values, so this test does: a value added on one side only fails here, not at run time.
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { sdl } from '../src/sdl.js';
import type { CaseLevel } from '@welfare-hub/policy';
import { DECISION_KINDS, PARTICIPATION_STATES, STAGES } from '../src/stage-machine.js';
import { FUNDING_SECTORS } from '../src/figures/funding-rule.js';
import { ROUTES } from '../src/figures/indicators.js';
import { REFERRAL_STATES } from '../src/store/referrals.js';
import { CONTACT_KINDS } from '../src/store/case-parts.js';

const LEVELS: Record<CaseLevel, true> = { FULL: true, MEMBER: true, SUMMARY: true };

const sdlEnums = new Map(
  parse(sdl())
    .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION)
    .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value).sort()]),
);

describe('the cases SDL enums and the domain unions they are mapped to', () => {
  it.each([
    ['CaseStage', STAGES],
    ['DecisionKind', DECISION_KINDS],
    ['ParticipationState', PARTICIPATION_STATES],
    ['CaseVisibility', Object.keys(LEVELS)],
    ['Sector', FUNDING_SECTORS],
    ['IntakeRoute', ROUTES],
    ['ReferralState', REFERRAL_STATES],
    ['ContactKind', CONTACT_KINDS],
  ])('%s has the same values', (name, values) => {
    expect(sdlEnums.get(name)).toEqual([...values].sort());
  });

  it('every enum of the SDL is mapped', () => {
    expect([...sdlEnums.keys()].sort()).toEqual(
      ['CaseStage', 'DecisionKind', 'ParticipationState', 'CaseVisibility', 'Sector', 'IntakeRoute', 'ReferralState', 'ContactKind'].sort(),
    );
  });
});
