import { Link } from 'react-router';
import { Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

const STEPS = [
  { to: '/app/clients/new', key: 'consoleHome.start.client', textKey: 'consoleHome.start.clientText' },
  {
    to: '/app/appointments/new',
    key: 'consoleHome.start.appointment',
    textKey: 'consoleHome.start.appointmentText',
  },
  { to: '/app/quotes/new', key: 'consoleHome.start.quote', textKey: 'consoleHome.start.quoteText' },
  { to: '/app/forms/new', key: 'consoleHome.start.form', textKey: 'consoleHome.start.formText' },
];

/** For a business with nothing in it yet: what to do first, and what this page will show. */
export function GetStarted() {
  const t = useT();
  return (
    <Card title={t('consoleHome.start.title')}>
      <p className="text-slate-700">{t('consoleHome.start.text')}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {STEPS.map((s) => (
          <li key={s.to}>
            <Link
              to={s.to}
              className="block h-full rounded-lg border border-slate-200 p-4 hover:border-slate-300 hover:bg-slate-50"
            >
              <span className="block font-semibold text-slate-900">{t(s.key)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(s.textKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
