import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { logOut } from '@/api/login';
import { messageOf } from '@/api/problem';
import { setSession } from '@/api/session';
import { ErrorState, Loading, MenuToggle, ShellNav, SkipLink } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { RequireSession } from '@/lib/RequireSession';
import { useActiveRealm } from '@/lib/session-hooks';
import { isAdmin, useStaffMe } from './api';
import { BusinessSwitcher } from './BusinessSwitcher';
import { useStaffLanguage } from './language';
import { NamePrompt } from './NamePrompt';
import { navFor, ROLE_KEYS } from './nav';

/** The product's name, shown until the business's own has loaded. */
const PRODUCT = 'Portico';

export function ConsoleShell() {
  useActiveRealm('console');
  return (
    <RequireSession realm="console" loginPath="/app/login">
      <Shell />
    </RequireSession>
  );
}

function Shell() {
  const t = useT();
  const me = useStaffMe();
  useStaffLanguage(me.data);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const signOut = async () => {
    await logOut();
    setSession('console', null, 'logout');
    queryClient.removeQueries({ queryKey: ['console'] });
    navigate('/app/login', { replace: true });
  };
  const items = navFor(isAdmin(me.data), t);
  const role = me.data ? t(ROLE_KEYS[me.data.role] ?? me.data.role) : '';
  return (
    <div className="min-h-dvh">
      <SkipLink />
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 items-center gap-3">
            <img src="/favicon.svg" alt="" className="h-8 w-8" />
            <div className="min-w-0">
              <p className="truncate font-semibold" data-testid="tenant-name">
                {me.data?.tenant_name ?? PRODUCT}
              </p>
              {me.data && (
                <Link
                  to="/app/profile"
                  className="block truncate text-xs text-slate-300 underline-offset-2 hover:underline"
                  aria-label={t('consoleMe.shell.profileLabel', { name: me.data.name, role })}
                >
                  {me.data.name} · {role}
                </Link>
              )}
            </div>
          </div>
          <div className="flex items-center gap-2">
            <BusinessSwitcher />
            {me.data && (
              <a
                href={`/portal/${me.data.tenant_slug}`}
                target="_blank"
                rel="noreferrer"
                className="hidden rounded-lg px-3 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800 md:inline"
              >
                {t('consoleMe.shell.openPortal')}
              </a>
            )}
            <button
              type="button"
              onClick={() => void signOut()}
              className="whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800"
            >
              {t('consoleMe.shell.logOut')}
            </button>
            <MenuToggle
              controls="console-nav"
              tone="dark"
              open={menuOpen}
              onToggle={() => setMenuOpen((o) => !o)}
            />
          </div>
        </div>
        <ShellNav
          id="console-nav"
          label={t('consoleMe.shell.navLabel')}
          tone="dark"
          width="max-w-6xl"
          open={menuOpen}
          onNavigate={() => setMenuOpen(false)}
          items={items}
        />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {me.isPending ? (
          <Loading />
        ) : me.isError ? (
          <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} />
        ) : !me.data.name_chosen ? (
          <NamePrompt me={me.data} />
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
