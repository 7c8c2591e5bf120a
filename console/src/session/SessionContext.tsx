import { createContext, useContext } from 'react';
import type { Session } from './session.js';

export interface SessionValue {
  session: Session;
  signOut(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}

export function hasRole(session: Session, role: string): boolean {
  return session.roles.includes(role);
}
