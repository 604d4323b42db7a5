import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

export function PortalNotFound({ slug }: { slug?: string }) {
  const t = useT();
  const path = `/portal/${slug}`;
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          {t('portalMe.notFound')}
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t('portalMe.notFoundTitle')}</h1>
        <p className="mt-3 text-slate-600">
          {slug ? (
            <>
              <Rich
                text={t('portalMe.notFoundAt', { path })}
                tags={{ strong: (chunk) => <strong className="text-slate-900">{chunk}</strong> }}
              />{' '}
            </>
          ) : null}
          {t('portalMe.notFoundHelp')}
        </p>
      </div>
    </main>
  );
}
