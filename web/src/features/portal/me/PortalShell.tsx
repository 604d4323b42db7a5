import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logOut } from '@/api/login';
import { setSession } from '@/api/session';
import { PortalBrand } from '@/components/branding/PortalBrand';
import { ErrorState, Loading, MenuToggle, ShellNav, SkipLink } from '@/components/ui';
import { messageOf } from '@/api/problem';
import { RequireSession } from '@/lib/RequireSession';
import { useSession } from '@/lib/session-hooks';
import { AccountSwitcher } from './AccountSwitcher';
import { usePortalMe } from './api';
import { useClientLanguage } from './language';
import { useClientZoneNoted } from './zone';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { portalNav } from './nav';

/**
 * Header, navigation and the read-only banner around every page of a logged-in client.
 * `bell` is the notifications bell, composed in by the app (features do not import each other).
 */
export function PortalShell({ bell }: { bell?: ReactNode }) {
  const { realm, base } = usePortal();
  return (
    <RequireSession realm={realm} loginPath={`${base}/login`}>
      <Shell bell={bell} />
    </RequireSession>
  );
}

function Shell({ bell }: { bell?: ReactNode }) {
  const t = useT();
  const { slug, realm, base, branding } = usePortal();
  const me = usePortalMe(slug);
  useClientLanguage(slug, me.data);
  useClientZoneNoted(slug, me.data);
  const session = useSession(realm);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const impersonated = me.data?.impersonated ?? session?.impersonated ?? false;

  const signOut = async () => {
    await logOut();
    setSession(realm, null, 'logout');
    queryClient.removeQueries({ queryKey: ['portal'] });
    navigate(`${base}/login`, { replace: true });
  };

  return (
    <div className="min-h-dvh">
      <SkipLink />
      {impersonated && (
        <div
          role="status"
          className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-amber-950"
        >
          {me.data?.name ? t('portalMe.viewingAs', { name: me.data.name }) : t('portalMe.viewingAsClient')}
        </div>
      )}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
          <NavLink to={base || '/'} className="flex min-w-0 items-center gap-3">
            <PortalBrand branding={branding} />
            <span className="truncate font-semibold text-slate-900">{branding.name}</span>
          </NavLink>
          <div className="flex items-center gap-2">
            {bell}
            <AccountSwitcher readOnly={impersonated} />
            <span className="hidden text-sm text-slate-700 sm:inline" data-testid="client-name">
              {me.data?.name}
            </span>
            <button
              type="button"
              onClick={() => void signOut()}
              className="whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {t('portalMe.logOut')}
            </button>
            <MenuToggle controls="portal-nav" open={menuOpen} onToggle={() => setMenuOpen((o) => !o)} />
          </div>
        </div>
        <ShellNav
          id="portal-nav"
          label={t('portalMe.navLabel')}
          width="max-w-5xl"
          open={menuOpen}
          onNavigate={() => setMenuOpen(false)}
          items={portalNav.map((item) => ({
            to: `${base}${item.path}` || '/',
            label: t(item.labelKey),
            end: item.path === '',
          }))}
        />
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {me.isPending ? (
          <Loading />
        ) : me.isError ? (
          <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} />
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
