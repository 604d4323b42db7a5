import { t } from '@/lib/i18n';
import type { Role, StaffMe } from './api';

/** Each role's name and what it may do, as message keys. */
const ROLE_KEYS: Record<Role, { labelKey: string; doesKey: string }> = {
  owner: { labelKey: 'consoleStaff.role.owner', doesKey: 'consoleStaff.role.ownerDoes' },
  admin: { labelKey: 'consoleStaff.role.admin', doesKey: 'consoleStaff.role.adminDoes' },
  member: { labelKey: 'consoleStaff.role.member', doesKey: 'consoleStaff.role.memberDoes' },
};

/** "Owner", "Admin", "Member". */
export const roleLabel = (role: Role) => t(ROLE_KEYS[role].labelKey);

/** What someone with `role` may do, in a sentence. */
export const roleDoes = (role: Role) => t(ROLE_KEYS[role].doesKey);

/** Only an owner can make an owner, so admins are not offered the choice. */
export function rolesFor(me: StaffMe | undefined): Role[] {
  return me?.role === 'owner' ? ['owner', 'admin', 'member'] : ['admin', 'member'];
}
