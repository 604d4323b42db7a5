import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { myAccounts, switchAccount, type SwitchableAccount } from '@/api/login';
import { messageOf } from '@/api/problem';
import { sessionFromTokens, setSession } from '@/api/session';
import { SwitchMenu } from '@/components/login/SwitchMenu';
import { useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** The business's name; the slug only if the server sent none. */
const businessOf = (a: SwitchableAccount) => a.company || a.tenant_slug;

/** "Switch business", for someone on the team of more than one business. */
export function BusinessSwitcher() {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accounts = useQuery({
    queryKey: ['console', 'accounts'],
    queryFn: myAccounts,
    staleTime: 5 * 60_000,
  });
  // A new menu after each switch: closed, and listing the accounts besides the one now in use.
  const [menu, setMenu] = useState(0);
  const switchTo = useMutation({
    mutationFn: (account: SwitchableAccount) => switchAccount(account.id),
    onSuccess: (tokens, account) => {
      setMenu((n) => n + 1);
      setSession('console', sessionFromTokens(tokens));
      // Everything cached was the other business's. Reset rather than removed, so screens still
      // on show fetch again for this business instead of keeping the other one's answers.
      void queryClient.resetQueries();
      navigate('/app');
      toast(t('consoleMe.switcher.switched', { business: businessOf(account) }));
    },
  });

  const all = accounts.data ?? [];
  if (all.length < 2) return null;
  const others = all.filter((a) => !a.current);
  return (
    <SwitchMenu
      key={menu}
      tone="dark"
      label={t('consoleMe.switcher.label')}
      targets={others.map((a) => ({ id: a.id, label: businessOf(a) }))}
      switching={switchTo.isPending ? (switchTo.variables?.id ?? null) : null}
      error={switchTo.isError ? messageOf(switchTo.error) : null}
      onChoose={(id) => {
        const account = others.find((a) => a.id === id);
        if (account) switchTo.mutate(account);
      }}
    />
  );
}
