import { Card } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';
import type { Client } from './api';
import type { PortalActions } from './usePortalActions';

/**
 * Whether the client can use the portal, and what the header's "Invite to portal" and
 * "View as client" do (their buttons are described by these hints).
 */
export function PortalAccessCard({ client, portal }: { client: Client; portal: PortalActions }) {
  const t = useT();
  const format = useFormatDate();
  return (
    <Card title={t('consoleClients.portalAccess')}>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="text-slate-600">{t('consoleClients.access')}</dt>
          <dd className="font-medium text-slate-900">
            {t(client.portal_enabled ? 'consoleClients.accessAllowed' : 'consoleClients.accessOff')}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('consoleClients.invited')}</dt>
          <dd className="font-medium text-slate-900">
            {client.invited_at ? format(client.invited_at) : t('consoleClients.notYet')}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('consoleClients.lastLogin')}</dt>
          <dd className="font-medium text-slate-900">
            {client.last_login_at ? format(client.last_login_at) : t('consoleClients.never')}
          </dd>
        </div>
      </dl>
      <div className="mt-4 space-y-2 border-t border-slate-100 pt-4 text-sm text-slate-600">
        <p id={portal.hintIds.invite}>
          {portal.inviteBlocked ?? t('consoleClients.inviteHint', { email: client.email })}
        </p>
        <p id={portal.hintIds.viewAs}>
          {client.status === 'archived' ? t('consoleClients.viewAsArchived') : t('consoleClients.viewAsHint')}
        </p>
      </div>
    </Card>
  );
}
