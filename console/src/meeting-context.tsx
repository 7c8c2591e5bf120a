import { createContext, useContext } from 'react';

/** The 支援会議 the console works in (x-hub-meeting), chosen from the worker's own meetings; null when none. */
export interface MeetingChoice {
  id: string;
  title: string;
  closesAt: string;
}

export interface MeetingContextValue {
  meeting: MeetingChoice | null;
  choose(meeting: MeetingChoice | null): void;
}

export const MeetingContext = createContext<MeetingContextValue>({ meeting: null, choose: () => undefined });

export function useMeetingContext(): MeetingContextValue {
  return useContext(MeetingContext);
}

const KEY = 'welfare-hub.meeting';

export function storedMeeting(): MeetingChoice | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as MeetingChoice | null;
  } catch {
    return null;
  }
}

export function storeMeeting(meeting: MeetingChoice | null): void {
  if (meeting) sessionStorage.setItem(KEY, JSON.stringify(meeting));
  else sessionStorage.removeItem(KEY);
}
