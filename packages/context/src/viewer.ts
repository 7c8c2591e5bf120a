/** Roles come from the identity provider's token; the hub does not grant them. */
// protection_officer: sees the address of residents under a 住民基本台帳 支援措置 (DV, stalking, abuse).
export const ROLES = ['admin', 'coordinator', 'analyst', 'privacy_officer', 'protection_officer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: the staff id, the organisation and the roles from a verified token. */
export interface Viewer {
  staffId: string;
  orgId: string;
  roles: Role[];
}

/** What the gateway vouches for on every subgraph call. */
export interface HubContext {
  viewer: Viewer;
  /** 支援会議 named by the x-hub-meeting header, if any. */
  meetingId: string | null;
  requestId: string;
  /**
   * The 多機関協働 case named by the x-hub-case header, if any: the purpose every decision of the request is recorded
   * under (cases.md). Optional so that contexts built before it existed (health checks, tools) need not name it.
   */
  caseId?: string | null;
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.roles.includes(role);
}

export function toRoles(value: unknown): Role[] {
  if (!Array.isArray(value)) return [];
  return ROLES.filter((role) => value.includes(role));
}
