import { meetingContextState, type MeetingContextState } from '@welfare-hub/policy';
import type { HubContext } from '../hub-context.js';
import type { Meeting } from './meetings.js';

/** What front-ends need of meetings (issue 17): the viewer's own list, and the check of x-hub-meeting. */
export const meetingFrontEndQuery = {
  /** The meetings the viewer sits in as a full member, or convened; open now unless includeClosed. */
  myMeetings: async (_: unknown, args: { includeClosed: boolean }, ctx: HubContext): Promise<Meeting[]> => {
    const registration = await ctx.policy.registration();
    if (!registration) return [];
    return ctx.meetings.mine(registration.staffId, args.includeClosed);
  },
  /** Asked by the gateway before it runs a request that names a meeting: the request is refused unless USABLE. */
  meetingContextState: (_: unknown, __: unknown, ctx: HubContext): Promise<MeetingContextState> =>
    meetingContextState(ctx.db, ctx.policy.context),
};
