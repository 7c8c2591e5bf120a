import { DateScalar, DateTimeScalar } from '@welfare-hub/subgraph-host';
import type { Resolvers } from '../generated/resolvers.js';
import { caseQueries } from './queries.js';
import { figureQueries, caseIndicatorsType } from './figures.js';
import { caseContactType, caseDecisionType, caseType, participationType, personType, planType, referralType } from './types.js';
import { referralMutations } from './referral-mutations.js';
import { caseMutations } from './case-mutations.js';
import { decisionMutations } from './decision-mutations.js';
import { contactMutations } from './contact-mutations.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { ...caseQueries, ...figureQueries },
  Mutation: { ...referralMutations, ...caseMutations, ...decisionMutations, ...contactMutations },
  Case: caseType,
  Plan: planType,
  CaseDecision: caseDecisionType,
  CaseContact: caseContactType,
  Participation: participationType,
  Referral: referralType,
  Person: personType,
  CaseIndicators: caseIndicatorsType,
};
