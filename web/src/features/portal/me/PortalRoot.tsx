import { Outlet, useParams } from 'react-router';
import { Loading } from '@/components/ui';
import { ErrorState } from '@/components/ui';
import { ApiProblem, messageOf } from '@/api/problem';
import { brandStyle } from '@/lib/color';
import { useActiveRealm } from '@/lib/session-hooks';
import { useBranding, type Branding } from './api';
import { PortalContext, portalInfo } from '@/lib/portal';
import { PortalNotFound } from './PortalNotFound';
import { useEffect } from 'react';
import { browserLanguage, chosenLanguage, switchLanguage } from '@/lib/i18n';
import { useT } from '@/lib/i18n/hooks';

/**
 * Every portal page sits inside this: it loads the tenant's public branding, paints the
 * page in its colours and makes the portal's session the one API calls use.
 * `byHost` serves a tenant on its own domain, at `/`.
 */
export function PortalRoot({ byHost = false }: { byHost?: boolean }) {
  const t = useT();
  const { slug } = useParams();
  const branding = useBranding(byHost ? null : (slug ?? null));
  if (branding.isPending) return <Loading label={t('portalMe.opening')} />;
  if (branding.isError) {
    if (branding.error instanceof ApiProblem && branding.error.status === 404)
      return <PortalNotFound slug={slug} />;
    return (
      <main className="mx-auto max-w-lg p-6">
        <ErrorState message={messageOf(branding.error)} onRetry={() => void branding.refetch()} />
      </main>
    );
  }
  return <BrandedPortal branding={branding.data} base={byHost ? '' : `/portal/${branding.data.slug}`} />;
}

function BrandedPortal({ branding, base }: { branding: Branding; base: string }) {
  const info = portalInfo(branding, base);
  useActiveRealm(info.realm);
  useEffect(() => {
    document.title = branding.name;
  }, [branding.name]);
  // A visitor who picked no language, with a browser asking for none Portico speaks, reads
  // the business's own.
  useEffect(() => {
    if (!chosenLanguage() && !browserLanguage()) void switchLanguage(branding.language);
  }, [branding.language]);
  return (
    <PortalContext.Provider value={info}>
      <div style={brandStyle(branding.primary_color)} className="min-h-dvh">
        <Outlet />
      </div>
    </PortalContext.Provider>
  );
}
