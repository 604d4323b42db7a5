import { Cell, ResponsiveTable } from '@/components/ui';
import { Link } from 'react-router';
import { rowClass } from '@/components/styles';
import type { Client } from './api';
import { ClientStatusBadge } from './ClientStatusBadge';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';

/** A table on wide screens; under 640 px each row becomes a card with its own labels. */
export function ClientsTable({ clients }: { clients: Client[] }) {
  const t = useT();
  return (
    <ResponsiveTable
      columns={[
        t('consoleClients.field.name'),
        t('consoleClients.field.email'),
        { label: t('consoleClients.field.company'), className: 'hidden md:table-cell' },
        t('consoleClients.field.status'),
        t('consoleClients.portal'),
      ]}
    >
      {clients.map((client) => (
        <ClientRow key={client.id} client={client} />
      ))}
    </ResponsiveTable>
  );
}

function ClientRow({ client }: { client: Client }) {
  const t = useT();
  return (
    // The name's link stretches over the whole row, so the row is one click target while
    // keyboard and screen-reader users meet a single, well-named link.
    <tr className={rowClass}>
      <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
        <Link
          to={`/app/clients/${client.id}`}
          className="font-semibold text-slate-900 after:absolute after:inset-0 after:content-[''] hover:underline"
        >
          {client.name}
        </Link>
      </td>
      <Cell label={t('consoleClients.field.email')}>
        <span className="break-all">{client.email}</span>
      </Cell>
      <Cell label={t('consoleClients.field.company')} wide="sm:hidden md:table-cell">
        {client.company || <span className="text-slate-600">—</span>}
      </Cell>
      <Cell label={t('consoleClients.field.status')}>
        <ClientStatusBadge status={client.status} />
      </Cell>
      <Cell label={t('consoleClients.portal')}>
        <PortalSummary client={client} />
      </Cell>
    </tr>
  );
}

/** `wide`: how the cell displays from 640 px up (the Company column waits for 768 px). */

/** Where the client stands with the portal, in a few words. */
export function PortalSummary({ client }: { client: Client }) {
  const format = useFormatDate();
  const t = useT();
  if (!client.portal_enabled) return <span className="text-slate-600">{t('consoleClients.noAccess')}</span>;
  if (client.last_login_at)
    return <>{t('consoleClients.lastLoginOn', { date: format(client.last_login_at) })}</>;
  if (client.invited_at) return <>{t('consoleClients.invitedOn', { date: format(client.invited_at) })}</>;
  return <span className="text-slate-600">{t('consoleClients.notInvited')}</span>;
}
