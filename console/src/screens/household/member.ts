// One member of the household card, as the card's query returns it: in a module of its own so that SectorDetail,
// which shows a member, need not import HouseholdScreen, which imports SectorDetail (an import cycle).
import type { HouseholdCardQuery } from '../../gql/graphql.js';

export type Member = NonNullable<HouseholdCardQuery['household']>['members'][number];
