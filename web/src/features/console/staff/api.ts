import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type StaffMember = components['schemas']['StaffMember'];
export type StaffList = components['schemas']['StaffList'];
export type Role = components['schemas']['Role'];
export type InviteStaff = components['schemas']['InviteStaff'];
export type UpdateStaff = components['schemas']['UpdateStaff'];
export type StaffMe = components['schemas']['StaffMe'];

export function inviteStaff(body: InviteStaff) {
  return call(api.POST('/api/v1/staff', { body }));
}

export function updateStaff(id: string, body: UpdateStaff) {
  return call(api.PATCH('/api/v1/staff/{id}', { params: { path: { id } }, body }));
}

export function removeStaff(id: string) {
  return call(api.DELETE('/api/v1/staff/{id}', { params: { path: { id } } }));
}

export { staffKey, useConsoleMe, useStaffList, useTenant } from '@/lib/console-queries';
