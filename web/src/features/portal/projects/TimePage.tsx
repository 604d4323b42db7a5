import { messageOf } from '@/api/problem';
import { Card, Cell, EmptyState, ErrorState, Loading, ResponsiveTable } from '@/components/ui';
import { formatDuration } from '@/lib/money';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useProjectTime, type PortalProjectDetail } from './api';
import { ProjectFrame } from './ProjectFrame';
import { formatMonth } from './units';
import { MarkdownInline } from '@/components/Markdown';

/** `/projects/:id/time`: the billable time logged on the project, with totals per month. */
export function TimePage() {
  return <ProjectFrame tab="time">{(p) => <Time project={p} />}</ProjectFrame>;
}

function Time({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const format = usePortalFormat();
  const time = useProjectTime(slug, project.id);
  if (time.isPending) return <Loading label={t('portalProjectsTime.loading')} />;
  if (time.isError) return <ErrorState message={messageOf(time.error)} onRetry={() => void time.refetch()} />;
  const { entries, totals, by_month } = time.data;
  const money = (minor: number) => format.money(minor, totals.currency);
  if (entries.length === 0) {
    return (
      <EmptyState title={t('portalProjectsTime.empty')}>
        {t('portalProjectsTime.emptyText', { business: branding.name })}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <p className="text-sm text-slate-700">{t('portalProjectsTime.billable')}</p>
          <p className="text-2xl font-semibold text-slate-900" data-testid="total-time">
            {formatDuration(totals.minutes)}
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <p className="text-sm text-slate-700">{t('portalProjectsTime.amount')}</p>
          <p className="text-2xl font-semibold text-slate-900" data-testid="total-amount">
            {money(totals.amount_minor)}
          </p>
        </div>
      </div>
      {by_month.length > 0 && (
        <Card title={t('portalProjectsTime.perMonth')}>
          <ul className="divide-y divide-slate-100">
            {by_month.map((m) => (
              <li
                key={m.month}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
              >
                <span className="font-medium text-slate-900">{formatMonth(m.month, format.locale)}</span>
                <span className="text-slate-800">
                  {formatDuration(m.minutes)} · {money(m.amount_minor)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <section aria-labelledby="entries-title" className="space-y-3">
        <h2 id="entries-title" className="text-lg font-semibold text-slate-900">
          {t('portalProjectsTime.entries')}
        </h2>
        <ResponsiveTable
          columns={[
            t('portalProjectsTime.colDate'),
            t('portalProjectsTime.colWork'),
            t('portalProjectsTime.colTime'),
            t('portalProjectsTime.amount'),
          ]}
        >
          {entries.map((e) => (
            <tr
              key={e.id}
              className="block rounded-xl border border-slate-200 bg-white p-4 sm:table-row sm:border-0 sm:p-0"
            >
              <Cell label={t('portalProjectsTime.colDate')}>{format.day(e.work_date)}</Cell>
              <Cell label={t('portalProjectsTime.colWork')}>
                <MarkdownInline text={e.description} />
              </Cell>
              <Cell label={t('portalProjectsTime.colTime')}>{formatDuration(e.minutes)}</Cell>
              <Cell label={t('portalProjectsTime.amount')}>{money(e.amount_minor)}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      </section>
    </div>
  );
}
