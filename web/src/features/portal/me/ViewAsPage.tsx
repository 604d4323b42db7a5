import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { setSession } from '@/api/session';
import { Alert } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';

/**
 * Where the console's "View as client" lands: the read-only client session arrives in the
 * URL fragment (never sent to a server), is kept for this tab only, and the fragment is
 * dropped from history.
 */
export function ViewAsPage() {
  const t = useT();
  const { realm, base } = usePortal();
  const [ok] = useState(() => {
    const p = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const access = p.get('access_token');
    const refresh = p.get('refresh_token');
    const expires = Number(p.get('expires_in'));
    if (!access || !refresh || !Number.isFinite(expires)) return false;
    setSession(realm, {
      accessToken: access,
      refreshToken: refresh,
      sessionId: p.get('session_id') ?? '',
      expiresAt: Date.now() + expires * 1000,
      impersonated: true,
    });
    return true;
  });
  useEffect(() => {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  if (!ok) {
    return (
      <main className="mx-auto max-w-lg p-6">
        <Alert tone="error">{t('portalMe.viewAsBroken')}</Alert>
      </main>
    );
  }
  return <Navigate to={base || '/'} replace />;
}
