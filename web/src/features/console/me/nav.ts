/**
 * The console's navigation, with the message key of each entry's name; `admin` entries are
 * shown to owners and admins only.
 */
export const consoleNav: { path: string; labelKey: string; admin?: boolean }[] = [
  { path: '/app/clients', labelKey: 'consoleMe.nav.clients' },
  { path: '/app/appointments', labelKey: 'consoleMe.nav.appointments' },
  { path: '/app/orders', labelKey: 'consoleMe.nav.orders' },
  { path: '/app/projects', labelKey: 'consoleMe.nav.projects' },
  { path: '/app/quotes', labelKey: 'consoleMe.nav.quotes' },
  { path: '/app/contracts', labelKey: 'consoleMe.nav.contracts' },
  { path: '/app/invoices', labelKey: 'consoleMe.nav.invoices' },
  { path: '/app/products', labelKey: 'consoleMe.nav.products' },
  { path: '/app/reviews', labelKey: 'consoleMe.nav.reviews' },
  { path: '/app/forms', labelKey: 'consoleMe.nav.forms' },
  { path: '/app/settings/bookings', labelKey: 'consoleMe.nav.bookings', admin: true },
  { path: '/app/settings/billing', labelKey: 'consoleMe.nav.billing', admin: true },
  { path: '/app/settings/branding', labelKey: 'consoleMe.nav.branding', admin: true },
  { path: '/app/settings/api-keys', labelKey: 'consoleMe.nav.apiKeys', admin: true },
  { path: '/app/settings/webhooks', labelKey: 'consoleMe.nav.webhooks', admin: true },
  { path: '/app/settings/team', labelKey: 'consoleMe.nav.team', admin: true },
];

/** A role as the header and the profile write it after the name ("owner"), by message key. */
export const ROLE_KEYS: Record<string, string> = {
  owner: 'consoleMe.role.owner',
  admin: 'consoleMe.role.admin',
  member: 'consoleMe.role.member',
};
