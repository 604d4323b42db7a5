import { Link } from 'react-router';
import { useT } from '@/lib/i18n/hooks';

/** The product's name: the same in every language. */
const BRAND = 'Portico';

/** `/` on the platform's own address: clients arrive through their business's portal link. */
export function HomePage() {
  const t = useT();
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="max-w-lg text-center">
        <img src="/favicon.svg" alt="" className="mx-auto h-14 w-14" />
        <h1 className="mt-4 text-3xl font-semibold tracking-tight text-slate-900">{BRAND}</h1>
        <p className="mt-3 text-slate-600">{t('app.homeIntro')}</p>
        <Link
          to="/app"
          className="mt-6 inline-flex rounded-lg bg-brand px-5 py-2.5 font-semibold text-brand-fg shadow-sm"
        >
          {t('app.staffConsole')}
        </Link>
      </div>
    </main>
  );
}
