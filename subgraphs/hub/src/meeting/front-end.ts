import { meetingContextState } from '@welfare-hub/policy';
import type { QueryResolvers } from '../generated/resolvers.js';

/** What front-ends need of meetings (issue 17): the viewer's own list, and the check of x-hub-meeting. */
export const meetingFrontEndQuery: QueryResolvers = {
  /** The meetings the viewer sits in as a full member, or convened; open now unless includeClosed. */
  myMeetings: async (_, args, ctx) => {
    const registration = await ctx.policy.registration();
    if (!registration) return [];
    return ctx.meetings.mine(registration.staffId, args.includeClosed);
  },
  /** Asked by the gateway before it runs a request that names a meeting: the request is refused unless USABLE. */
  meetingContextState: (_, __, ctx) => meetingContextState(ctx.db, ctx.policy.context),
};
