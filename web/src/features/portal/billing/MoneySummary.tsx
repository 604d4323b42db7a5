import { Link } from 'react-router';
import { Badge, CountTile } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePortalDashboard } from './api';

const tile = 'block rounded-xl border bg-white p-4 shadow-sm hover:border-slate-300 hover:shadow';

/**
 * The dashboard's money part: what is due (per currency), the next invoice to pay, and the
 * quotes and contracts waiting for the client. Nothing at all when none of it applies.
 */
export function MoneySummary() {
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
    <section aria-label="Quotes, contracts and invoices" className="grid gap-4 sm:grid-cols-2">
      {due.length > 0 && (
        <Link to={`${base}/invoices`} className={`${tile} border-slate-200`}>
          <p className="text-sm text-slate-700">Amount due</p>
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
            Next invoice due {next.overdue && <Badge tone="red">Overdue</Badge>}
          </p>
          <p className="text-xl font-semibold text-slate-900">
            {format.money(next.due_minor, next.currency)}
          </p>
          <p className="text-sm text-slate-700">
            {next.number} · {next.overdue ? 'was due' : 'due'} {format.day(next.due_date)}
          </p>
        </Link>
      )}
      <CountTile
        count={quotes}
        to={`${base}/quotes`}
        label={`${quotes === 1 ? 'Quote awaits' : 'Quotes await'} your decision`}
        attention
      />
      <CountTile
        count={contracts}
        to={`${base}/contracts`}
        label={`${contracts === 1 ? 'Contract awaits' : 'Contracts await'} your signature`}
        attention
      />
    </section>
  );
}
