import type { Scope } from './api';

/**
 * Every scope, in the order shown, with what it lets a key do. Typed by the API's `Scope`,
 * so a scope added or removed on the server fails the type check here until it is described.
 */
export const SCOPES: Record<Scope, string> = {
  'clients:read': 'See clients and their activity.',
  'clients:write': 'Add, change, archive and invite clients (includes seeing them).',
  'clients:email': 'Change a client’s login email, which moves their portal account to another mailbox.',
  'tenant:read': 'See the business’s settings and the team.',
  'tenant:write': 'Change the business’s branding and settings (includes seeing them).',
  'api_keys:manage': 'Create and revoke API keys.',
  'staff:manage': 'Invite, change and remove team members.',
  'billing:read': 'See quotes, contracts, invoices and payments.',
  'billing:write':
    'Create and send quotes, contracts and invoices, and record payments (includes seeing them).',
  webhooks: 'Register webhook endpoints, read their delivery log and resend events.',
};

export const SCOPE_LIST = Object.keys(SCOPES) as Scope[];
