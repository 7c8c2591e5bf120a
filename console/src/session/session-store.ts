import { isExpired, sessionFromToken, type Session } from './session.js';

/** The session's one place in the browser: sessionStorage, which dies with the tab. */
const KEY = 'welfare-hub.session';

export function storedSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  const session = token ? sessionFromToken(token) : null;
  return session && !isExpired(session) ? session : null;
}

export function storeSession(session: Session): void {
  sessionStorage.setItem(KEY, session.token);
}

/** Sign-out forgets everything the tab kept: the token, the meeting chosen, any sign-in in progress. */
export function clearSession(): void {
  sessionStorage.clear();
}
