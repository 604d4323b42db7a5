import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logOut } from '@/api/login';
import { messageOf } from '@/api/problem';
import { setSession } from '@/api/session';
import { ErrorState, Loading } from '@/components/ui';
import { RequireSession } from '@/lib/RequireSession';
import { useActiveRealm } from '@/lib/session-hooks';
import { isAdmin, useStaffMe } from './api';
import { consoleNav } from './nav';

export function ConsoleShell() {
  useActiveRealm('console');
  return (
    <RequireSession realm="console" loginPath="/app/login">
      <Shell />
    </RequireSession>
  );
}

function Shell() {
  const me = useStaffMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const signOut = async () => {
    await logOut();
    setSession('console', null, 'logout');
    queryClient.removeQueries({ queryKey: ['console'] });
    navigate('/app/login', { replace: true });
  };
  const items = consoleNav.filter((i) => !i.admin || isAdmin(me.data));
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 items-center gap-3">
            <img src="/favicon.svg" alt="" className="h-8 w-8" />
            <div className="min-w-0">
              <p className="truncate font-semibold" data-testid="tenant-name">
                {me.data?.tenant_name ?? 'Portico'}
              </p>
              {me.data && (
                <p className="truncate text-xs text-slate-300">
                  {me.data.name} · {me.data.role}
                </p>
              )}
            </div>
          </div>
          <div className="flex items-center gap-2">
            {me.data && (
              <a
                href={`/portal/${me.data.tenant_slug}`}
                target="_blank"
                rel="noreferrer"
                className="hidden rounded-lg px-3 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800 md:inline"
              >
                Open portal ↗
              </a>
            )}
            <button
              type="button"
              onClick={() => void signOut()}
              className="rounded-lg px-3 py-2 text-sm font-medium text-slate-100 hover:bg-slate-800"
            >
              Log out
            </button>
            <button
              type="button"
              className="rounded-lg border border-slate-600 px-3 py-2 text-sm font-medium sm:hidden"
              aria-expanded={menuOpen}
              aria-controls="console-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              Menu
            </button>
          </div>
        </div>
        <nav
          id="console-nav"
          aria-label="Console"
          className={`${menuOpen ? 'block' : 'hidden'} border-t border-slate-800 sm:block`}
        >
          <ul className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-2 sm:flex-row">
            {items.map((item) => (
              <li key={item.path}>
                <NavLink
                  to={item.path}
                  onClick={() => setMenuOpen(false)}
                  className={({ isActive }) =>
                    `block rounded-lg px-3 py-2 text-sm font-medium ${isActive ? 'bg-white text-slate-900' : 'text-slate-200 hover:bg-slate-800'}`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
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
