import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { components } from '@/api/schema';
import { useToast } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import {
  clientKeys,
  impersonateClient,
  inviteClient,
  useClientSaved,
  useConsoleMe,
  type Client,
} from './api';

type Tokens = components['schemas']['Tokens'];

/** The portal's view-as page takes the read-only session from the fragment, which never reaches a server. */
function viewAsUrl(slug: string, t: Tokens): string {
  const fragment = new URLSearchParams({
    access_token: t.access_token,
    // A view-as session asks for no cookie, so its refresh token is in the answer.
    refresh_token: t.refresh_token ?? '',
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

/**
 * Inviting the client to the portal and opening it as them. The page header holds the
 * buttons and the portal card explains them: both read this one state, and the buttons are
 * described by the card's hints (`hintIds`).
 */
export function usePortalActions(client: Client) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const saved = useClientSaved();
  const inviteHint = useId();
  const viewAsHint = useId();
  const me = useConsoleMe();
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

  return {
    invite,
    viewAs,
    startViewAs,
    /** Why the client cannot be invited, or null when they can. */
    inviteBlocked: blockedReason(t, client),
    viewAsBlocked: client.status === 'archived' || !slug,
    blockedTab,
    error: invite.error ?? viewAs.error,
    hintIds: { invite: inviteHint, viewAs: viewAsHint },
  };
}

export type PortalActions = ReturnType<typeof usePortalActions>;
