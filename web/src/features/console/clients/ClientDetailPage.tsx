import { useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { linkButton, secondaryLink } from '@/components/styles';
import { Alert, Button, Card, ErrorState, Loading } from '@/components/ui';
import { useClient, type Client } from './api';
import { ActivityTimeline } from './ActivityTimeline';
import { ArchiveControl } from './ArchiveControl';
import { ClientSections } from './ClientSections';
import { ClientStatusBadge } from './ClientStatusBadge';
import { ComposeEmail } from './ComposeEmail';
import { ConvertLeadButton } from './ConvertLeadButton';
import { LoginMessagesCard } from './LoginMessagesCard';
import { PortalAccessCard } from './PortalAccessCard';
import { usePortalActions, type PortalActions } from './usePortalActions';
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
  const t = useT();
  const portal = usePortalActions(client);
  return (
    <>
      <ClientHeader client={client} portal={portal} />
      {/* On wide screens who the client is sits beside everything with them; on phones it
          comes first. */}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-start-3 lg:row-start-1">
          <ClientDetails client={client} />
          <PortalAccessCard client={client} portal={portal} />
          <LoginMessagesCard client={client} />
          <Card title={t('consoleClients.field.notes')}>
            <p className="mb-2 text-sm text-slate-600">{t('consoleClients.notesPrivate')}</p>
            {client.notes ? (
              <MarkdownView text={client.notes} />
            ) : (
              <p className="text-slate-600">{t('consoleClients.noNotes')}</p>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <ClientSections client={client} />
          <ActivityTimeline client={client} />
        </div>
      </div>
    </>
  );
}

function ClientHeader({ client, portal }: { client: Client; portal: PortalActions }) {
  const t = useT();
  const archived = client.status === 'archived';
  const forClient = `client_id=${encodeURIComponent(client.id)}`;
  // The email being written: mounted once opened, so closing it keeps the text; a new one
  // (a new key) after each email sent.
  const [composing, setComposing] = useState(false);
  const [draft, setDraft] = useState<number | null>(null);
  const emailButton = useRef<HTMLSpanElement>(null);
  // Archiving the client closes the email (restoring them does not reopen it).
  if (archived && composing) setComposing(false);
  const closeCompose = () => {
    setComposing(false);
    emailButton.current?.querySelector('button')?.focus();
  };
  return (
    <div className="mb-6 space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
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
          {!archived && (
            <Link to={`/app/clients/${client.id}/edit`} className={secondaryLink}>
              {t('consoleClients.edit')}
            </Link>
          )}
          <ArchiveControl client={client} />
        </div>
      </div>
      <div
        role="group"
        aria-label={t('consoleClients.actionsFor', { name: client.name })}
        className="flex flex-wrap gap-2"
      >
        {/* An archived client cannot be picked for new work: restore them first. */}
        {!archived && (
          <>
            <Link to={`/app/quotes/new?${forClient}`} className={linkButton}>
              {t('consoleClients.newQuote')}
            </Link>
            <Link to={`/app/projects/new?${forClient}`} className={secondaryLink}>
              {t('consoleClients.newProject')}
            </Link>
            <Link to={`/app/contracts/new?${forClient}`} className={secondaryLink}>
              {t('consoleClients.newContract')}
            </Link>
            <Link to={`/app/appointments/new?${forClient}`} className={secondaryLink}>
              {t('consoleClients.bookAppointment')}
            </Link>
            <span ref={emailButton} className="contents">
              <Button
                variant="secondary"
                aria-expanded={composing}
                onClick={() => {
                  setComposing((open) => !open);
                  setDraft((d) => d ?? 0);
                }}
              >
                {t('consoleClients.compose.open')}
              </Button>
            </span>
          </>
        )}
        <Button
          variant="secondary"
          busy={portal.invite.isPending}
          disabled={Boolean(portal.inviteBlocked)}
          aria-describedby={portal.hintIds.invite}
          onClick={() => portal.invite.mutate()}
        >
          {t(client.invited_at ? 'consoleClients.reinvite' : 'consoleClients.invite')}
        </Button>
        <Button
          variant="secondary"
          busy={portal.viewAs.isPending}
          disabled={portal.viewAsBlocked}
          aria-describedby={portal.hintIds.viewAs}
          onClick={portal.startViewAs}
        >
          {t('consoleClients.viewAs')}
        </Button>
      </div>
      {draft !== null && !archived && (
        <ComposeEmail
          key={draft}
          client={client}
          open={composing}
          onClose={closeCompose}
          onSent={() => {
            closeCompose();
            setDraft((d) => (d ?? 0) + 1);
          }}
        />
      )}
      {portal.error && <Alert tone="error">{messageOf(portal.error)}</Alert>}
      {portal.blockedTab && <Alert tone="warning">{t('consoleClients.popupBlocked')}</Alert>}
    </div>
  );
}

function ClientDetails({ client }: { client: Client }) {
  const format = useFormatDate();
  const t = useT();
  const notGiven = t('consoleClients.notGiven');
  return (
    <Card title={t('consoleClients.details')}>
      <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-1">
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
