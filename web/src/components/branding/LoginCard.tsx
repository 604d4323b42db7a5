import type { ReactNode } from 'react';
import type { components } from '@/api/schema';
import { useT } from '@/lib/i18n/hooks';

type Branding = components['schemas']['PublicBranding'];
import { PortalBrand } from './PortalBrand';

/**
 * The portal's login card in the tenant's branding. Also used by the console's branding
 * settings as the live preview, so what the owner sees is what clients get.
 */
export function LoginCard({
  branding,
  children,
}: {
  branding: Pick<Branding, 'name' | 'logo_url' | 'login_title' | 'login_message'>;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="w-full max-w-md">
      <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
        <div className="h-2 bg-brand" />
        <div className="space-y-6 p-6 sm:p-8">
          <div className="flex flex-col items-center gap-3 text-center">
            <PortalBrand branding={branding} size="lg" />
            <div>
              <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
                {branding.login_title || branding.name}
              </h1>
              {branding.login_message && <p className="mt-2 text-slate-600">{branding.login_message}</p>}
            </div>
          </div>
          {children}
        </div>
      </div>
      <p className="mt-6 text-center text-xs text-slate-600">
        {t('components.loginCard.footer', { name: branding.name })}
      </p>
    </div>
  );
}
