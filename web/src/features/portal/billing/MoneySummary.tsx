import { Link } from 'react-router';
import { Badge, CountTile } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalDashboard } from './api';

const tile = 'block rounded-xl border bg-white p-4 shadow-sm hover:border-slate-300 hover:shadow';

/**
 * The dashboard's money part: what is due (per currency), the next invoice to pay, and the
 * quotes and contracts waiting for the client. Nothing at all when none of it applies.
 */
export function MoneySummary() {
  const t = useT();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const dashboard = usePortalDashboard(slug);
  const d = dashboard.data;
  if (!d) return null;
  const due = (d.amount_due ?? []).filter((a) => a.amount_minor > 0);
  const next = d.next_due_invoice ?? null;
  const quotes = d.quotes_awaiting_decision ?? 0;
  const contracts = d.contracts_awaiting_signature ?? 0;
  if (due.length === 0 && !next && quotes === 0 && contracts === 0) return null;

  return (
    <section aria-label={t('portalBilling.summaryLabel')} className="grid gap-4 sm:grid-cols-2">
      {due.length > 0 && (
        <Link to={`${base}/invoices`} className={`${tile} border-slate-200`}>
          <p className="text-sm text-slate-700">{t('portalBilling.amountDue')}</p>
          <ul>
            {due.map((a) => (
              <li key={a.currency} className="text-2xl font-semibold text-slate-900">
                {format.money(a.amount_minor, a.currency)}
              </li>
            ))}
          </ul>
        </Link>
      )}
      {next && (
        <Link
          to={`${base}/invoices/${next.id}`}
          className={`${tile} ${next.overdue ? 'border-red-300 bg-red-50' : 'border-slate-200'}`}
        >
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {t('portalBilling.nextInvoiceDue')}{' '}
            {next.overdue && <Badge tone="red">{t('portalBilling.overdue')}</Badge>}
          </p>
          <p className="text-xl font-semibold text-slate-900">
            {format.money(next.due_minor, next.currency)}
          </p>
          <p className="text-sm text-slate-700">
            {next.overdue
              ? t('portalBilling.nextWasDue', { number: next.number, date: format.day(next.due_date) })
              : t('portalBilling.nextDue', { number: next.number, date: format.day(next.due_date) })}
          </p>
        </Link>
      )}
      <CountTile
        count={quotes}
        to={`${base}/quotes`}
        label={t('portalBilling.quotesAwait', { count: quotes })}
        attention
      />
      <CountTile
        count={contracts}
        to={`${base}/contracts`}
        label={t('portalBilling.contractsAwait', { count: contracts })}
        attention
      />
    </section>
  );
}
