import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { myAccounts, switchAccount, type SwitchableAccount } from '@/api/login';
import { messageOf } from '@/api/problem';
import { sessionFromTokens, setSession } from '@/api/session';
import { SwitchMenu } from '@/components/login/SwitchMenu';
import { useToast } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';

/**
 * "Switch account", when the client's login email opens more than one account of this portal
 * (a person with a client account per company). Hidden from staff viewing as the client.
 */
export function AccountSwitcher({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const toast = useToast();
  const { slug, realm, base } = usePortal();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accounts = useQuery({
    queryKey: ['portal', slug, 'accounts'],
    queryFn: myAccounts,
    enabled: !readOnly,
    staleTime: 5 * 60_000,
  });
  // A new menu after each switch: closed, and listing the accounts besides the one now in use.
  const [menu, setMenu] = useState(0);
  const switchTo = useMutation({
    mutationFn: (account: SwitchableAccount) => switchAccount(account.id),
    onSuccess: (tokens, account) => {
      setMenu((n) => n + 1);
      setSession(realm, sessionFromTokens(tokens));
      // Everything cached was the other account's. Reset rather than removed, so screens still
      // on show fetch again as this account instead of keeping the other one's answers.
      void queryClient.resetQueries({ queryKey: ['portal'] });
      navigate(base || '/');
      toast(t('portalMe.switcher.switched', { name: labelOf(t, account) }));
    },
  });

  const all = accounts.data ?? [];
  if (readOnly || all.length < 2) return null;
  const others = all.filter((a) => !a.current);
  return (
    <SwitchMenu
      key={menu}
      label={t('portalMe.switcher.label')}
      targets={others.map((a) => ({ id: a.id, label: labelOf(t, a) }))}
      switching={switchTo.isPending ? (switchTo.variables?.id ?? null) : null}
      error={switchTo.isError ? messageOf(switchTo.error) : null}
      onChoose={(id) => {
        const account = others.find((a) => a.id === id);
        if (account) switchTo.mutate(account);
      }}
    />
  );
}

function labelOf(t: Translate, a: SwitchableAccount): string {
  return a.company ? t('portalMe.switcher.accountOf', { name: a.name, company: a.company }) : a.name;
}
