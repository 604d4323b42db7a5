import { Link } from 'react-router';
import { Cell, ResponsiveTable } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';
import type { WebhookEndpoint } from './api';
import { EndpointStatusBadge } from './EndpointStatusBadge';

/** A table on wide screens; under 640 px each endpoint becomes a card. */
export function EndpointsTable({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  const t = useT();
  const format = useFormatDate();
  return (
    <ResponsiveTable
      columns={[
        t('consoleWebhooks.column.endpoint'),
        t('consoleWebhooks.column.events'),
        t('consoleWebhooks.column.status'),
        t('consoleWebhooks.column.lastSuccess'),
      ]}
    >
      {endpoints.map((endpoint) => (
        <tr
          key={endpoint.id}
          className="block rounded-xl border border-slate-200 bg-white p-4 align-top shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
        >
          <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
            <Link
              to={`/app/settings/webhooks/${endpoint.id}`}
              className="font-semibold break-all text-slate-900 underline-offset-2 hover:underline"
            >
              {endpoint.url}
            </Link>
            {endpoint.description && <span className="block text-slate-600">{endpoint.description}</span>}
          </td>
          <Cell label={t('consoleWebhooks.column.events')}>
            {endpoint.events.length === 1
              ? endpoint.events[0]
              : t('consoleWebhooks.eventCount', { count: endpoint.events.length })}
          </Cell>
          <Cell label={t('consoleWebhooks.column.status')}>
            <EndpointStatusBadge status={endpoint.status} />
          </Cell>
          <Cell label={t('consoleWebhooks.column.lastSuccess')}>
            {endpoint.last_success_at ? format(endpoint.last_success_at) : t('consoleWebhooks.never')}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
