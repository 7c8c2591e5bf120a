import type { SituationFacts } from '@welfare-hub/situations';

/** A 世帯 as the gateway hands it over for situations: its members with the facts each sector granted (null where denied). */
export interface HouseholdWithFacts {
  id: string;
  members?: {
    id: string;
    birthDate: string;
    relationship: string;
    kaigoFacts: SituationFacts | null;
    shogaiFacts: SituationFacts | null;
    kodomoFacts: SituationFacts | null;
    konkyuFacts: SituationFacts | null;
  }[];
}
