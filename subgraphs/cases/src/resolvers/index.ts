import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DateScalar, DateTimeScalar } from '@welfare-hub/subgraph-host';
import type { CasesContext } from '../context.js';
import { caseQueries } from './queries.js';
import { figureQueries, caseIndicatorsType } from './figures.js';
import { caseType, participationType, personType, planType, referralType } from './types.js';
import { referralMutations } from './referral-mutations.js';
import { caseMutations } from './case-mutations.js';
import { decisionMutations } from './decision-mutations.js';
import { contactMutations } from './contact-mutations.js';

export const resolvers: GraphQLResolverMap<CasesContext> = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { ...caseQueries, ...figureQueries },
  Mutation: { ...referralMutations, ...caseMutations, ...decisionMutations, ...contactMutations },
  Case: caseType,
  Plan: planType,
  Participation: participationType,
  Referral: referralType,
  Person: personType,
  CaseIndicators: caseIndicatorsType,
} as GraphQLResolverMap<CasesContext>;
