import { t } from '@/lib/i18n';
import type { Scope } from './api';

/**
 * Every scope, in the order shown, with the message key of what it lets a key do. Typed by
 * the API's `Scope`, so a scope added or removed on the server fails the type check here
 * until it is described.
 */
const SCOPE_KEYS: Record<Scope, string> = {
  'clients:read': 'consoleApiKeys.scope.clientsRead',
  'clients:write': 'consoleApiKeys.scope.clientsWrite',
  'clients:email': 'consoleApiKeys.scope.clientsEmail',
  'tenant:read': 'consoleApiKeys.scope.tenantRead',
  'tenant:write': 'consoleApiKeys.scope.tenantWrite',
  'api_keys:manage': 'consoleApiKeys.scope.apiKeysManage',
  'staff:manage': 'consoleApiKeys.scope.staffManage',
  'billing:read': 'consoleApiKeys.scope.billingRead',
  'billing:write': 'consoleApiKeys.scope.billingWrite',
  webhooks: 'consoleApiKeys.scope.webhooks',
};

export const SCOPE_LIST = Object.keys(SCOPE_KEYS) as Scope[];

/** What `scope` lets a key do, in a sentence. */
export const scopeText = (scope: Scope) => t(SCOPE_KEYS[scope]);
