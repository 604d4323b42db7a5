import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, EmptyState } from '@/components/ui';
import { firstName } from '@/lib/format';
import { useT } from '@/lib/i18n/hooks';
import { usePortalMe } from './api';
import { usePortal } from '@/lib/portal';

/**
 * `summary`, `projects` and `money`: what the domains put first (the app composes them;
 * features do not import each other).
 */
export function DashboardPage({
  summary,
  projects,
  money,
}: {
  summary?: ReactNode;
  projects?: ReactNode;
  money?: ReactNode;
}) {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const me = usePortalMe(slug);
  if (!me.data) return null;
  const client = me.data;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {t('portalMe.hello', { name: firstName(client.name) })}
        </h1>
        <p className="mt-1 text-slate-600">{t('portalMe.welcome', { name: branding.name })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-4 md:col-span-2">
          {money}
          {projects}
          {summary ??
            (!projects && !money && (
              <EmptyState title={t('portalMe.nothingWaiting')}>
                {t('portalMe.nothingWaitingText', { name: branding.name })}
              </EmptyState>
            ))}
        </div>
        <Card
          title={t('portalMe.yourDetails')}
          actions={
            <Link
              to={`${base}/profile`}
              className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
            >
              {t('portalMe.edit')}
            </Link>
          }
        >
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-600">{t('portalMe.name')}</dt>
              <dd className="font-medium text-slate-900">{client.name}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('portalMe.email')}</dt>
              <dd className="break-all font-medium text-slate-900">{client.email}</dd>
            </div>
            {client.company && (
              <div>
                <dt className="text-slate-600">{t('portalMe.company')}</dt>
                <dd className="font-medium text-slate-900">{client.company}</dd>
              </div>
            )}
            {client.phone && (
              <div>
                <dt className="text-slate-600">{t('portalMe.phone')}</dt>
                <dd className="font-medium text-slate-900">{client.phone}</dd>
              </div>
            )}
          </dl>
        </Card>
      </div>
    </div>
  );
}
