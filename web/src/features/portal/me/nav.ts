/**
 * The portal's navigation. Each domain (appointments, projects, quotes, contracts, invoices,
 * files, messages) adds its entry here when its screens exist, so a client never follows a
 * link to an empty promise.
 */
export const portalNav: { path: string; label: string }[] = [
  { path: '', label: 'Dashboard' },
  { path: '/appointments', label: 'Appointments' },
  { path: '/orders', label: 'Orders' },
  { path: '/projects', label: 'Projects' },
  { path: '/quotes', label: 'Quotes' },
  { path: '/contracts', label: 'Contracts' },
  { path: '/invoices', label: 'Invoices' },
  { path: '/downloads', label: 'Downloads' },
  { path: '/reviews', label: 'My reviews' },
  { path: '/profile', label: 'Profile' },
];
