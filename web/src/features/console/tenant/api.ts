import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Tenant = components['schemas']['Tenant'];
export type UpdateTenant = components['schemas']['UpdateTenant'];

export function updateTenant(body: UpdateTenant) {
  return call(api.PATCH('/api/v1/tenant', { body }));
}

export { useConsoleMe, useTenant, tenantKey } from '@/lib/console-queries';
