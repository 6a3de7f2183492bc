import type { MemberAccess } from '../domain/partnership/member';

/**
 * How Teams' roster shows someone from another organisation: `userRole: "guest"` for a B2B guest
 * account in the host tenant; a `tenantId` other than the host's for an external member of a shared
 * channel. Undefined for the host organisation's own people (and when the roster does not say).
 */
export function rosterAccess(member: { readonly userRole?: string; readonly tenantId?: string }, hostTenantId: string | undefined): MemberAccess | undefined {
  if (member.userRole === 'guest') return 'guest';
  if (member.tenantId && hostTenantId && member.tenantId !== hostTenantId) return 'external';
  return undefined;
}
