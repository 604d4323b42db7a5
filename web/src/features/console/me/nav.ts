/** The console's navigation; `admin` entries are shown to owners and admins only. */
export const consoleNav: { path: string; label: string; admin?: boolean }[] = [
  { path: '/app/clients', label: 'Clients' },
  { path: '/app/appointments', label: 'Appointments' },
  { path: '/app/orders', label: 'Orders' },
  { path: '/app/projects', label: 'Projects' },
  { path: '/app/quotes', label: 'Quotes' },
  { path: '/app/contracts', label: 'Contracts' },
  { path: '/app/invoices', label: 'Invoices' },
  { path: '/app/products', label: 'Products' },
  { path: '/app/reviews', label: 'Reviews' },
  { path: '/app/forms', label: 'Forms' },
  { path: '/app/settings/bookings', label: 'Bookings', admin: true },
  { path: '/app/settings/billing', label: 'Billing', admin: true },
  { path: '/app/settings/branding', label: 'Branding', admin: true },
  { path: '/app/settings/api-keys', label: 'API keys', admin: true },
  { path: '/app/settings/webhooks', label: 'Webhooks', admin: true },
  { path: '/app/settings/team', label: 'Team', admin: true },
];
