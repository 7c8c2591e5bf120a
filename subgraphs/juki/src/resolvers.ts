import { normaliseKanaForMatch } from '@welfare-hub/codec';
import { RELATIONSHIPS, type PersonRow } from '@welfare-hub/adapter-juki';
import { DateScalar, badInput } from '@welfare-hub/subgraph-host';
import { ageOn, todayInTokyo } from './age.js';
import { anchor, currentMembers, type HouseholdView } from './household.js';
import { householdWithheld, place } from './withheld.js';
import { searchConnectionQuery } from './search-connection.js';
import { reprocessMutation } from './reprocess.js';
import type { JukiContext } from './juki-context.js';
import type { Resolvers, ResidentStatus } from './generated/resolvers.js';

const RESIDENT_STATUS: Record<PersonRow['residentStatus'], ResidentStatus> = { 1: 'RESIDENT', 2: 'MOVED_OUT', 3: 'DECEASED', 4: 'STRUCK_OFF' };
const MAX_SEARCH = 100;

// Every person and 世帯 leaves this subgraph only once its read is in the audit log (identity-log.ts). A 世帯's address
// and district are its current members' (or, when none is left, the record they are taken from), so showing a 世帯 is
// a read of each of them.

async function loadPerson(id: string, ctx: JukiContext): Promise<PersonRow | null> {
  if (!(await ctx.policy.identityVisible())) return null;
  const row = await ctx.loaders.person.load(id);
  if (row) await ctx.identity.read([row]);
  return row;
}

async function showHousehold(id: string, ctx: JukiContext): Promise<HouseholdView> {
  const household = { id, records: await ctx.loaders.setai.load(id) };
  const current = currentMembers(household);
  await ctx.identity.read(current.length > 0 || household.records.length === 0 ? current : [anchor(household)]);
  return household;
}

async function loadHousehold(id: string, ctx: JukiContext): Promise<HouseholdView | null> {
  if (!(await ctx.policy.identityVisible())) return null;
  const household = await showHousehold(id, ctx);
  return household.records.length > 0 ? household : null;
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    ...searchConnectionQuery,
    person: (_, { id }, ctx) => loadPerson(id, ctx),
    household: (_, { id }, ctx) => loadHousehold(id, ctx),
    searchPersons: async (_, args, ctx) => {
      const kanaKey = args.nameKana == null ? null : normaliseKanaForMatch(args.nameKana);
      if (kanaKey !== null && !/^[\u30A1-\u30FA]+$/u.test(kanaKey)) throw badInput('nameKana', 'nameKana must be kana');
      if (kanaKey === null && args.birthDate == null) throw badInput('nameKana', 'Give nameKana, birthDate or both');
      if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_SEARCH) {
        throw badInput('limit', `limit must be between 1 and ${MAX_SEARCH}`);
      }
      if (!(await ctx.policy.identityVisible())) return [];
      const rows = await ctx.store.search({ kanaKey, birthDate: args.birthDate ?? null, limit: args.limit });
      for (const row of rows) ctx.loaders.person.prime(row.atenaNo, row);
      await ctx.identity.found(rows);
      return rows;
    },
  },
  Mutation: reprocessMutation,
  Person: {
    __resolveReference: (ref, ctx) => loadPerson(ref.id, ctx),
    id: (p) => p.atenaNo,
    age: (p, args) => ageOn(p.birthDate, args.asOf ?? todayInTokyo()),
    relationship: (p) => RELATIONSHIPS[p.relationshipCode] ?? p.relationshipCode,
    residentStatus: (p) => RESIDENT_STATUS[p.residentStatus],
    // 支援措置: the place is ＊＊＊ for everyone without protection_officer (withheld.ts).
    address: (p, _, ctx) => place(p.addressWithheld, p.address, ctx.policy),
    district: (p, _, ctx) => place(p.addressWithheld, p.district, ctx.policy),
    household: (p, _, ctx) => showHousehold(p.setaiNo, ctx),
  },
  Household: {
    __resolveReference: (ref, ctx) => loadHousehold(ref.id, ctx),
    address: (h, _, ctx) => place(householdWithheld(h), anchor(h).address, ctx.policy),
    district: (h, _, ctx) => place(householdWithheld(h), anchor(h).district, ctx.policy),
    addressWithheld: (h) => householdWithheld(h),
    members: async (h, _, ctx) => {
      const members = currentMembers(h);
      await ctx.identity.read(members);
      return members;
    },
  },
};
