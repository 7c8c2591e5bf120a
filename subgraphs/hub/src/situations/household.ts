import type { SituationFacts } from '@welfare-hub/situations';

/** A 世帯 as the gateway hands it over for situations: its members with the facts each sector granted (null where denied). */
export interface HouseholdWithFacts {
  id: string;
  members?: {
    id: string;
    birthDate: string;
    relationship: string;
    /** <field>Facts of every registered sector (the hub's @requires is written from the registry at compose time). */
    [facts: `${string}Facts`]: SituationFacts | null;
  }[];
}
