import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import type { HubContext } from '../resolvers.js';
import type { Meeting } from './meetings.js';

interface MeetingInput {
  kind: 'SHIEN_KAIGI' | 'JUSOU_SHIEN_KAIGI';
  title: string;
  subjectPersonIds?: string[] | null;
  subjectHouseholdIds?: string[] | null;
  memberStaffIds: string[];
  opensAt: Date;
  closesAt: Date;
}

function requireCoordinator(ctx: HubContext): void {
  if (!ctx.policy.hasRole('coordinator')) throw forbidden();
}

export const meetingQuery = {
  supportMeeting: async (_: unknown, { id }: { id: string }, ctx: HubContext): Promise<Meeting | null> => {
    const meeting = await ctx.meetings.byId(id);
    if (!meeting) return null;
    const member = meeting.memberStaffIds.includes(ctx.policy.context.viewer.staffId) && (await ctx.policy.registration()) !== null;
    return member || ctx.policy.hasRole('coordinator') ? meeting : null;
  },
};

export const meetingMutation = {
  openSupportMeeting: async (_: unknown, { input }: { input: MeetingInput }, ctx: HubContext): Promise<Meeting> => {
    requireCoordinator(ctx);
    const title = input.title.trim();
    if (title === '' || title.length > 200) throw badInput('input.title', 'title must be 1-200 characters');
    const persons = [...new Set(input.subjectPersonIds ?? [])];
    const households = [...new Set(input.subjectHouseholdIds ?? [])];
    if (persons.length + households.length === 0) throw badInput('input.subjectPersonIds', 'Name at least one subject person or household');
    const members = [...new Set(input.memberStaffIds)];
    if (members.length === 0) throw badInput('input.memberStaffIds', 'Name at least one member');
    if ((await ctx.register.staff({ ids: members })).length !== members.length) throw badInput('input.memberStaffIds', 'Every member must be registered staff');
    if (input.opensAt >= input.closesAt) throw badInput('input.closesAt', 'closesAt must be after opensAt');
    return ctx.meetings.open({
      kind: input.kind, title, subjectPersonIds: persons, subjectHouseholdIds: households, memberStaffIds: members,
      opensAt: input.opensAt, closesAt: input.closesAt, convenedBy: ctx.policy.context.viewer.staffId,
    });
  },
  closeSupportMeeting: async (_: unknown, { id }: { id: string }, ctx: HubContext): Promise<Meeting> => {
    requireCoordinator(ctx);
    const meeting = await ctx.meetings.close(id);
    if (!meeting) throw badInput('id', 'No meeting has that id');
    return meeting;
  },
};

export const meetingType = {
  open: (m: Meeting): boolean => m.closedAt === null && m.opensAt.getTime() <= Date.now() && Date.now() < m.closesAt.getTime(),
};
