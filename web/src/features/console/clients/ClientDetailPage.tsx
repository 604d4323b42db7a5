import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { Card, ErrorState, Loading } from '@/components/ui';
import { useClient, type Client } from './api';
import { ActivityTimeline } from './ActivityTimeline';
import { ArchiveControl } from './ArchiveControl';
import { ClientStatusBadge } from './ClientStatusBadge';
import { ConvertLeadButton } from './ConvertLeadButton';
import { PortalAccessCard } from './PortalAccessCard';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';

export function ClientDetailPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const t = useT();
  return (
    <div>
      <Link
        to="/app/clients"
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        {t('consoleClients.backToList')}
      </Link>
      {client.isPending ? (
        <Loading label={t('consoleClients.loadingOne')} />
      ) : client.isError ? (
        <ErrorState
          title={t('consoleClients.loadOneError')}
          message={messageOf(client.error)}
          onRetry={() => void client.refetch()}
        />
      ) : (
        <ClientDetail client={client.data} />
      )}
    </div>
  );
}

function ClientDetail({ client }: { client: Client }) {
  const format = useFormatDate();
  const t = useT();
  const notGiven = t('consoleClients.notGiven');
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
              {client.name}
            </h1>
            <ClientStatusBadge status={client.status} />
          </div>
          {client.company && <p className="mt-1 text-slate-600">{client.company}</p>}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {client.status === 'lead' && <ConvertLeadButton client={client} />}
          {client.status !== 'archived' && (
            <Link
              to={`/app/clients/${client.id}/edit`}
              className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
            >
              {t('consoleClients.edit')}
            </Link>
          )}
          <ArchiveControl client={client} />
        </div>
      </div>
      {/* One column on phones, with portal actions right after the details; on wide screens
          the portal card moves to a sidebar beside the rest. */}
      <div className="grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_auto_1fr]">
        <div className="lg:col-span-2">
          <Card title={t('consoleClients.details')}>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <Item label={t('consoleClients.field.email')}>
                <a
                  href={`mailto:${client.email}`}
                  className="break-all text-slate-900 underline underline-offset-2"
                >
                  {client.email}
                </a>
              </Item>
              <Item label={t('consoleClients.field.phone')}>{client.phone || notGiven}</Item>
              <Item label={t('consoleClients.field.company')}>{client.company || notGiven}</Item>
              <Item label={t('consoleClients.field.billingAddress')}>
                {client.billing_address ? (
                  <span className="whitespace-pre-line">{client.billing_address}</span>
                ) : (
                  notGiven
                )}
              </Item>
              <Item label={t('consoleClients.field.taxId')}>{client.tax_id || notGiven}</Item>
              <Item label={t('consoleClients.added')}>{format(client.created_at)}</Item>
              <Item label={t('consoleClients.emails')}>
                {client.email_opt_out ? t('consoleClients.emailsEssential') : t('consoleClients.emailsAll')}
              </Item>
            </dl>
          </Card>
        </div>
        <div className="lg:col-start-3 lg:row-span-3 lg:row-start-1">
          <PortalAccessCard client={client} />
        </div>
        <div className="lg:col-span-2">
          <Card title={t('consoleClients.field.notes')}>
            <p className="mb-2 text-sm text-slate-600">{t('consoleClients.notesPrivate')}</p>
            {client.notes ? (
              <MarkdownView text={client.notes} />
            ) : (
              <p className="text-slate-600">{t('consoleClients.noNotes')}</p>
            )}
          </Card>
        </div>
        <div className="lg:col-span-2">
          <ActivityTimeline client={client} />
        </div>
      </div>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}
