import type { NavEntry } from '@/components/ui/ShellNav';
import type { Translate } from '@/lib/i18n/hooks';

/** A page of the console's navigation, by the message key of its name. */
interface NavPage {
  path: string;
  labelKey: string;
  /** Shown to owners and admins only. */
  admin?: boolean;
  /** Current only on exactly this path. */
  end?: boolean;
}

/** A section of the navigation, named by a message key, with its pages. */
interface NavSection {
  labelKey: string;
  pages: NavPage[];
}

/**
 * The console's navigation: the home page and the clients on their own, then the pages
 * grouped by what they are for.
 */
export const consoleNav: (NavPage | NavSection)[] = [
  { path: '/app', labelKey: 'consoleMe.nav.home', end: true },
  { path: '/app/clients', labelKey: 'consoleMe.nav.clients' },
  {
    labelKey: 'consoleMe.nav.work',
    pages: [
      { path: '/app/appointments', labelKey: 'consoleMe.nav.appointments' },
      { path: '/app/orders', labelKey: 'consoleMe.nav.orders' },
      { path: '/app/projects', labelKey: 'consoleMe.nav.projects' },
      { path: '/app/forms', labelKey: 'consoleMe.nav.forms' },
      { path: '/app/reviews', labelKey: 'consoleMe.nav.reviews' },
      { path: '/app/products', labelKey: 'consoleMe.nav.products' },
    ],
  },
  {
    labelKey: 'consoleMe.nav.money',
    pages: [
      { path: '/app/quotes', labelKey: 'consoleMe.nav.quotes' },
      { path: '/app/contracts', labelKey: 'consoleMe.nav.contracts' },
      { path: '/app/invoices', labelKey: 'consoleMe.nav.invoices' },
    ],
  },
  {
    labelKey: 'consoleMe.nav.settings',
    pages: [
      { path: '/app/settings/bookings', labelKey: 'consoleMe.nav.bookings', admin: true },
      { path: '/app/settings/billing', labelKey: 'consoleMe.nav.billing', admin: true },
      { path: '/app/settings/branding', labelKey: 'consoleMe.nav.branding', admin: true },
      // Every staff member writes messages, so every one may keep the templates for them.
      { path: '/app/settings/templates', labelKey: 'consoleMe.nav.templates' },
      { path: '/app/settings/api-keys', labelKey: 'consoleMe.nav.apiKeys', admin: true },
      { path: '/app/settings/webhooks', labelKey: 'consoleMe.nav.webhooks', admin: true },
      { path: '/app/settings/team', labelKey: 'consoleMe.nav.team', admin: true },
    ],
  },
];

/** The navigation a staff member sees, in words: admin pages for admins, no empty section. */
export function navFor(admin: boolean, t: Translate): NavEntry[] {
  const page = (p: NavPage) => ({ to: p.path, label: t(p.labelKey), end: p.end });
  return consoleNav.flatMap((entry): NavEntry[] => {
    if (!('pages' in entry)) return entry.admin && !admin ? [] : [page(entry)];
    const pages = entry.pages.filter((p) => admin || !p.admin);
    return pages.length ? [{ label: t(entry.labelKey), items: pages.map(page) }] : [];
  });
}

/** A role as the header and the profile write it after the name ("owner"), by message key. */
export const ROLE_KEYS: Record<string, string> = {
  owner: 'consoleMe.role.owner',
  admin: 'consoleMe.role.admin',
  member: 'consoleMe.role.member',
};
