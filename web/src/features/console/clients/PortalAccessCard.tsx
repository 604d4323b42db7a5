import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { messageOf } from '@/api/problem';
import type { components } from '@/api/schema';
import { Alert, Button, Card, useToast } from '@/components/ui';
import {
  clientKeys,
  impersonateClient,
  inviteClient,
  useClientSaved,
  useConsoleMe,
  type Client,
} from './api';
import { useFormatDate } from '@/lib/console-queries';
import { useT, type Translate } from '@/lib/i18n/hooks';

type Tokens = components['schemas']['Tokens'];

/** The portal's view-as page takes the read-only session from the fragment, which never reaches a server. */
function viewAsUrl(slug: string, t: Tokens): string {
  const fragment = new URLSearchParams({
    access_token: t.access_token,
    refresh_token: t.refresh_token,
    expires_in: String(t.expires_in),
    session_id: t.session_id,
  });
  return `/portal/${slug}/view-as#${fragment.toString()}`;
}

function blockedReason(t: Translate, client: Client): string | null {
  if (client.status === 'archived') return t('consoleClients.blockedArchived');
  if (!client.portal_enabled) return t('consoleClients.blockedOff');
  return null;
}

export function PortalAccessCard({ client }: { client: Client }) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const saved = useClientSaved();
  const inviteHint = useId();
  const viewAsHint = useId();
  const me = useConsoleMe();
  const format = useFormatDate();
  const [blockedTab, setBlockedTab] = useState(false);
  const invite = useMutation({
    mutationFn: () => inviteClient(client.id),
    onSuccess: (updated) => {
      saved(updated);
      toast(t('consoleClients.invitedToast', { email: updated.email }));
    },
  });
  const viewAs = useMutation({ mutationFn: () => impersonateClient(client.id) });
  const slug = me.data?.tenant_slug;

  const startViewAs = () => {
    if (!slug) return;
    setBlockedTab(false);
    // Opened now, while the click still counts as the person's own: browsers block tabs
    // opened after waiting for the server.
    const tab = window.open('', '_blank');
    viewAs.mutate(undefined, {
      onSuccess: (tokens) => {
        if (!tab) {
          setBlockedTab(true);
          return;
        }
        tab.opener = null;
        tab.location.href = viewAsUrl(slug, tokens);
        toast(t('consoleClients.viewAsToast', { name: client.name }));
        void queryClient.invalidateQueries({ queryKey: clientKeys.activity(client.id) });
      },
      onError: () => tab?.close(),
    });
  };

  const reason = blockedReason(t, client);
  const error = invite.error ?? viewAs.error;
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
      <div className="mt-5 space-y-4">
        {error && <Alert tone="error">{messageOf(error)}</Alert>}
        {blockedTab && <Alert tone="warning">{t('consoleClients.popupBlocked')}</Alert>}
        <div className="space-y-1.5">
          <Button
            className="w-full"
            busy={invite.isPending}
            disabled={Boolean(reason)}
            aria-describedby={inviteHint}
            onClick={() => invite.mutate()}
          >
            {t(client.invited_at ? 'consoleClients.reinvite' : 'consoleClients.invite')}
          </Button>
          <p id={inviteHint} className="text-sm text-slate-600">
            {reason ?? t('consoleClients.inviteHint', { email: client.email })}
          </p>
        </div>
        <div className="space-y-1.5">
          <Button
            variant="secondary"
            className="w-full"
            busy={viewAs.isPending}
            disabled={client.status === 'archived' || !slug}
            aria-describedby={viewAsHint}
            onClick={startViewAs}
          >
            {t('consoleClients.viewAs')}
          </Button>
          <p id={viewAsHint} className="text-sm text-slate-600">
            {client.status === 'archived'
              ? t('consoleClients.viewAsArchived')
              : t('consoleClients.viewAsHint')}
          </p>
        </div>
      </div>
    </Card>
  );
}
