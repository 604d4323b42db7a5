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

function blockedReason(client: Client): string | null {
  if (client.status === 'archived')
    return 'Archived clients cannot use the portal. Restore this client first.';
  if (!client.portal_enabled)
    return 'Portal access is off for this client. Turn it on with Edit to invite them.';
  return null;
}

export function PortalAccessCard({ client }: { client: Client }) {
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
      toast(`Invitation sent to ${updated.email}`);
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
        toast(`Opened the portal as ${client.name} in a new tab`);
        void queryClient.invalidateQueries({ queryKey: clientKeys.activity(client.id) });
      },
      onError: () => tab?.close(),
    });
  };

  const reason = blockedReason(client);
  const error = invite.error ?? viewAs.error;
  return (
    <Card title="Portal access">
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="text-slate-600">Access</dt>
          <dd className="font-medium text-slate-900">{client.portal_enabled ? 'Allowed' : 'Off'}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Invited</dt>
          <dd className="font-medium text-slate-900">
            {client.invited_at ? format(client.invited_at) : 'Not yet'}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Last login</dt>
          <dd className="font-medium text-slate-900">
            {client.last_login_at ? format(client.last_login_at) : 'Never'}
          </dd>
        </div>
      </dl>
      <div className="mt-5 space-y-4">
        {error && <Alert tone="error">{messageOf(error)}</Alert>}
        {blockedTab && (
          <Alert tone="warning">
            Your browser blocked the new tab. Allow pop-ups for this site, then try again.
          </Alert>
        )}
        <div className="space-y-1.5">
          <Button
            className="w-full"
            busy={invite.isPending}
            disabled={Boolean(reason)}
            aria-describedby={inviteHint}
            onClick={() => invite.mutate()}
          >
            {client.invited_at ? 'Send a new invitation' : 'Invite to portal'}
          </Button>
          <p id={inviteHint} className="text-sm text-slate-600">
            {reason ?? `Emails ${client.email} a one-click login link, valid for 7 days.`}
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
            View as client
          </Button>
          <p id={viewAsHint} className="text-sm text-slate-600">
            {client.status === 'archived'
              ? 'Restore this client to see the portal as they do.'
              : 'Opens the portal in a new tab as this client sees it. Nothing can be changed there.'}
          </p>
        </div>
      </div>
    </Card>
  );
}
