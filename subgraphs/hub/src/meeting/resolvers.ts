import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import type { HubContext } from '../hub-context.js';
import type { Meeting, MeetingRole } from './meetings.js';
import type { MutationResolvers, QueryResolvers, SupportMeetingResolvers } from '../generated/resolvers.js';

function requireCoordinator(ctx: HubContext): void {
  if (!ctx.policy.hasRole('coordinator')) throw forbidden();
}

const isOpen = (m: Meeting, now = Date.now()): boolean => m.closedAt === null && m.opensAt.getTime() <= now && now < m.closesAt.getTime();

/** The viewer's role in the meeting, if the viewer is registered staff on its roster. */
async function viewerRole(ctx: HubContext, meetingId: string): Promise<MeetingRole | null> {
  const registration = await ctx.policy.registration();
  return registration ? ctx.meetings.roleOf(meetingId, registration.staffId) : null;
}

/**
 * Staff of an organisation outside welfare join as submit-only unless the coordinator names the role: they may
 * pass on what they noticed, and read nothing.
 */
async function defaultRoles(ctx: HubContext, staffIds: readonly string[]): Promise<Map<string, MeetingRole>> {
  const staff = await ctx.register.staff({ ids: staffIds });
  const orgs = await ctx.register.organisations([...new Set(staff.map((s) => s.orgId))]);
  const outside = new Set(orgs.filter((o) => o.outsideWelfare).map((o) => o.id));
  return new Map(staff.map((s) => [s.id, outside.has(s.orgId) ? 'SUBMIT_ONLY' : 'FULL']));
}

/** Full members and coordinators; a submit-only member reads nothing, not even who the subjects are. */
export async function supportMeeting(id: string, ctx: HubContext): Promise<Meeting | null> {
  const meeting = await ctx.meetings.byId(id);
  if (!meeting) return null;
  return (await viewerRole(ctx, id)) === 'FULL' || ctx.policy.hasRole('coordinator') ? meeting : null;
}

export const meetingQuery: QueryResolvers = {
  supportMeeting: (_, { id }, ctx) => supportMeeting(id, ctx),
};

export const meetingMutation: MutationResolvers = {
  openSupportMeeting: async (_, { input }, ctx) => {
    requireCoordinator(ctx);
    const title = input.title.trim();
    if (title === '' || title.length > 200) throw badInput('input.title', 'title must be 1-200 characters');
    const persons = [...new Set(input.subjectPersonIds ?? [])];
    const households = [...new Set(input.subjectHouseholdIds ?? [])];
    if (persons.length + households.length === 0) throw badInput('input.subjectPersonIds', 'Name at least one subject person or household');
    const submitOnly = new Set(input.submitOnlyStaffIds ?? []);
    const ids = [...new Set([...input.memberStaffIds, ...submitOnly])];
    if (input.memberStaffIds.length === 0) throw badInput('input.memberStaffIds', 'Name at least one member');
    const roles = await defaultRoles(ctx, ids);
    if (roles.size !== ids.length) throw badInput('input.memberStaffIds', 'Every member must be registered staff');
    if (input.opensAt >= input.closesAt) throw badInput('input.closesAt', 'closesAt must be after opensAt');
    const reason = input.reason == null || input.reason.trim() === '' ? null : input.reason.trim();
    if (reason !== null && reason.length > 2000) throw badInput('input.reason', 'reason must be at most 2000 characters');
    // A one-person meeting, or one of a single organisation, is not refused: the contract lets a coordinator open
    // any meeting. It is listed for the privacy officer with its flags (meeting/review.ts).
    return ctx.meetings.open({
      reason,
      kind: input.kind,
      title,
      subjectPersonIds: persons,
      subjectHouseholdIds: households,
      members: ids.map((staffId) => ({ staffId, role: submitOnly.has(staffId) ? 'SUBMIT_ONLY' : roles.get(staffId)! })),
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      convenedBy: ctx.policy.context.viewer.staffId,
    });
  },
  closeSupportMeeting: async (_, { id }, ctx) => {
    requireCoordinator(ctx);
    const meeting = await ctx.meetings.close(id);
    if (!meeting) throw badInput('id', 'No meeting has that id');
    return meeting;
  },
  /** Role coordinator: adds a member or changes a member's role; holds from the next request. */
  setMeetingMember: async (_, args, ctx) => {
    requireCoordinator(ctx);
    if (!(await ctx.meetings.byId(args.meetingId))) throw badInput('meetingId', 'No meeting has that id');
    const role = args.role ?? (await defaultRoles(ctx, [args.staffId])).get(args.staffId);
    if (!role) throw badInput('staffId', 'The member must be registered staff');
    await ctx.meetings.setMember(args.meetingId, args.staffId, role, ctx.policy.context.viewer.staffId);
    return (await ctx.meetings.byId(args.meetingId))!;
  },
  /** Role coordinator: the member loses the meeting's basis from the next request. */
  removeMeetingMember: async (_, args, ctx) => {
    requireCoordinator(ctx);
    if (!(await ctx.meetings.byId(args.meetingId))) throw badInput('meetingId', 'No meeting has that id');
    if (!(await ctx.meetings.removeMember(args.meetingId, args.staffId, ctx.policy.context.viewer.staffId)))
      throw badInput('staffId', 'Not a member of that meeting');
    return (await ctx.meetings.byId(args.meetingId))!;
  },
  /** Any member, full or submit-only, of a meeting not yet over: 気になる情報 about a person or a 世帯, kept with its source. */
  recordConcern: async (_, { input }, ctx) => {
    const meeting = await ctx.meetings.byId(input.meetingId);
    const role = meeting ? await viewerRole(ctx, meeting.id) : null;
    // The same answer for a meeting that does not exist and one the viewer is not on.
    if (!meeting || !role) throw forbidden();
    if (meeting.closedAt !== null || meeting.closesAt.getTime() <= Date.now()) throw badInput('input.meetingId', 'The meeting is over');
    if ((input.personId == null) === (input.householdId == null)) throw badInput('input.personId', 'Name either a person or a household');
    const note = input.note.trim();
    if (note === '' || note.length > 2000) throw badInput('input.note', 'note must be 1-2000 characters');
    const { viewer } = ctx.policy.context;
    return ctx.meetings.recordConcern({
      meetingId: meeting.id,
      personId: input.personId ?? null,
      householdId: input.householdId ?? null,
      note,
      sourceStaffId: viewer.staffId,
      sourceOrgId: viewer.orgId,
    });
  },
};

export const meetingType: SupportMeetingResolvers = {
  open: (m) => isOpen(m),
  members: (m, _, ctx) => ctx.meetings.members(m.id),
  /** What members noticed: for the meeting's full members while it is open, for nobody else. */
  concerns: async (m, _, ctx) => (isOpen(m) && (await viewerRole(ctx, m.id)) === 'FULL' ? ctx.meetings.concerns(m.id) : []),
};
