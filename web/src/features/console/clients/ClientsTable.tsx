import { Cell, ResponsiveTable } from '@/components/ui';
import { Link } from 'react-router';
import { rowClass } from '@/components/styles';
import type { Client } from './api';
import { ClientStatusBadge } from './ClientStatusBadge';
import { useFormatDate } from '@/lib/console-queries';

/** A table on wide screens; under 640 px each row becomes a card with its own labels. */
export function ClientsTable({ clients }: { clients: Client[] }) {
  return (
    <ResponsiveTable
      columns={['Name', 'Email', { label: 'Company', className: 'hidden md:table-cell' }, 'Status', 'Portal']}
    >
      {clients.map((client) => (
        <ClientRow key={client.id} client={client} />
      ))}
    </ResponsiveTable>
  );
}

function ClientRow({ client }: { client: Client }) {
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
      <Cell label="Email">
        <span className="break-all">{client.email}</span>
      </Cell>
      <Cell label="Company" wide="sm:hidden md:table-cell">
        {client.company || <span className="text-slate-600">—</span>}
      </Cell>
      <Cell label="Status">
        <ClientStatusBadge status={client.status} />
      </Cell>
      <Cell label="Portal">
        <PortalSummary client={client} />
      </Cell>
    </tr>
  );
}

/** `wide`: how the cell displays from 640 px up (the Company column waits for 768 px). */

/** Where the client stands with the portal, in a few words. */
export function PortalSummary({ client }: { client: Client }) {
  const format = useFormatDate();
  if (!client.portal_enabled) return <span className="text-slate-600">No access</span>;
  if (client.last_login_at) return <>Last login {format(client.last_login_at)}</>;
  if (client.invited_at) return <>Invited {format(client.invited_at)}</>;
  return <span className="text-slate-600">Not invited yet</span>;
}
