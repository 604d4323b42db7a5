import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, EmptyState } from '@/components/ui';
import { firstName } from '@/lib/format';
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
  const { slug, base, branding } = usePortal();
  const me = usePortalMe(slug);
  if (!me.data) return null;
  const client = me.data;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          Hello, {firstName(client.name)}
        </h1>
        <p className="mt-1 text-slate-600">Welcome to your portal with {branding.name}.</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-4 md:col-span-2">
          {money}
          {projects}
          {summary ??
            (!projects && !money && (
              <EmptyState title="Nothing needs your attention">
                When {branding.name} shares appointments, projects, quotes or invoices with you, they appear
                here first, with anything waiting for you at the top.
              </EmptyState>
            ))}
        </div>
        <Card
          title="Your details"
          actions={
            <Link
              to={`${base}/profile`}
              className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
            >
              Edit
            </Link>
          }
        >
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-600">Name</dt>
              <dd className="font-medium text-slate-900">{client.name}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Email</dt>
              <dd className="break-all font-medium text-slate-900">{client.email}</dd>
            </div>
            {client.company && (
              <div>
                <dt className="text-slate-600">Company</dt>
                <dd className="font-medium text-slate-900">{client.company}</dd>
              </div>
            )}
            {client.phone && (
              <div>
                <dt className="text-slate-600">Phone</dt>
                <dd className="font-medium text-slate-900">{client.phone}</dd>
              </div>
            )}
          </dl>
        </Card>
      </div>
    </div>
  );
}
