import type { Role, StaffMe } from './api';

export const ROLES: Record<Role, { label: string; does: string }> = {
  owner: { label: 'Owner', does: 'Everything, including making and removing other owners.' },
  admin: { label: 'Admin', does: 'Everything except making or removing owners.' },
  member: { label: 'Member', does: 'Works with clients; cannot change settings, API keys or the team.' },
};

/** Only an owner can make an owner, so admins are not offered the choice. */
export function rolesFor(me: StaffMe | undefined): Role[] {
  return me?.role === 'owner' ? ['owner', 'admin', 'member'] : ['admin', 'member'];
}

/** "an admin", "a member", "an owner". */
export function withArticle(role: Role): string {
  return `${role === 'member' ? 'a' : 'an'} ${role}`;
}
