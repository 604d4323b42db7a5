import { Link } from 'react-router';
import { useT } from '@/lib/i18n/hooks';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const t = useT();
  return (
    <main className="flex min-h-[60dvh] items-center justify-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t('app.notFoundTitle')}</h1>
        <p className="mt-3 text-slate-600">{t('app.notFoundText')}</p>
        <Link
          to={home}
          className="mt-6 inline-block font-semibold text-brand-ink underline underline-offset-2"
        >
          {t('app.notFoundHome')}
        </Link>
      </div>
    </main>
  );
}
