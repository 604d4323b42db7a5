import { Fragment } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '@/lib/money';
import { useT } from '@/lib/i18n/hooks';
import type { Home } from './api';
import { Line, Lines, More, Quiet, Section, textLink } from './parts';

/** What clients owe, per currency, and the invoices past their due date. */
export function MoneySection({ home, locale }: { home: Home; locale: string }) {
  const t = useT();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const more = home.counts.overdue_invoices - home.overdue_invoices.length;
  return (
    <Section title={t('consoleHome.money.title')} count={home.counts.overdue_invoices}>
      {home.outstanding.length === 0 ? (
        <Quiet>{t('consoleHome.money.nothingOutstanding')}</Quiet>
      ) : (
        <div className="space-y-5">
          <dl className="grid grid-cols-2 gap-3">
            {home.outstanding.map((o) => (
              <Fragment key={o.currency}>
                <div className="rounded-lg bg-slate-50 p-3">
                  <dt className="text-sm text-slate-600">{t('consoleHome.money.outstanding')}</dt>
                  <dd className="text-xl font-semibold tabular-nums text-slate-900">
                    {money(o.amount_minor, o.currency)}
                  </dd>
                </div>
                <div className={`rounded-lg p-3 ${o.overdue_minor > 0 ? 'bg-red-50' : 'bg-slate-50'}`}>
                  <dt className="text-sm text-slate-600">{t('consoleHome.money.overdue')}</dt>
                  <dd
                    className={`text-xl font-semibold tabular-nums ${o.overdue_minor > 0 ? 'text-red-800' : 'text-slate-900'}`}
                  >
                    {money(o.overdue_minor, o.currency)}
                  </dd>
                </div>
              </Fragment>
            ))}
          </dl>
          <div>
            <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
              {t('consoleHome.money.overdueInvoices')}
            </h3>
            {home.overdue_invoices.length === 0 ? (
              <Quiet>{t('consoleHome.money.noneOverdue')}</Quiet>
            ) : (
              <Lines>
                {home.overdue_invoices.map((i) => (
                  <Line key={i.id}>
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <p>
                        <Link to={`/app/invoices/${i.id}`} className={textLink}>
                          {i.number}
                        </Link>{' '}
                        <span className="text-slate-700">· {i.client.name}</span>
                      </p>
                      <p className="font-medium tabular-nums text-slate-900">
                        {money(i.due_minor, i.currency)}
                      </p>
                    </div>
                    <p className="text-sm text-red-800">
                      {t('consoleHome.money.daysOverdue', { days: i.days_overdue })}
                    </p>
                  </Line>
                ))}
              </Lines>
            )}
            <More count={more} to="/app/invoices?overdue=1" />
          </div>
        </div>
      )}
    </Section>
  );
}
