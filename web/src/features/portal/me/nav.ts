/**
 * The portal's navigation. Each domain (appointments, projects, quotes, contracts, invoices,
 * files, messages) adds its entry here when its screens exist, so a client never follows a
 * link to an empty promise.
 */
export const portalNav: { path: string; labelKey: string }[] = [
  { path: '', labelKey: 'portalMe.nav.dashboard' },
  { path: '/appointments', labelKey: 'portalMe.nav.appointments' },
  { path: '/orders', labelKey: 'portalMe.nav.orders' },
  { path: '/projects', labelKey: 'portalMe.nav.projects' },
  { path: '/quotes', labelKey: 'portalMe.nav.quotes' },
  { path: '/contracts', labelKey: 'portalMe.nav.contracts' },
  { path: '/invoices', labelKey: 'portalMe.nav.invoices' },
  { path: '/downloads', labelKey: 'portalMe.nav.downloads' },
  { path: '/reviews', labelKey: 'portalMe.nav.reviews' },
  { path: '/profile', labelKey: 'portalMe.nav.profile' },
];
