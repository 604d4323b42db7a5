import { useMutation } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import { Alert, Button, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { updateClient, useClientSaved, type Client } from './api';

/** A lead becomes a client with portal access; the invitation stays a separate, deliberate step. */
export function ConvertLeadButton({ client }: { client: Client }) {
  const t = useT();
  const toast = useToast();
  const saved = useClientSaved();
  const convert = useMutation({
    mutationFn: () => updateClient(client.id, { status: 'active', portal_enabled: true }),
    onSuccess: (updated) => {
      saved(updated);
      toast(t('consoleClients.convertedToast', { name: updated.name }));
    },
  });
  return (
    <div className="space-y-2">
      <Button busy={convert.isPending} onClick={() => convert.mutate()}>
        {t('consoleClients.convert')}
      </Button>
      {convert.isError && <Alert tone="error">{messageOf(convert.error)}</Alert>}
    </div>
  );
}
