import { useMutation } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import { Alert, Button, useToast } from '@/components/ui';
import { updateClient, useClientSaved, type Client } from './api';

/** A lead becomes a client with portal access; the invitation stays a separate, deliberate step. */
export function ConvertLeadButton({ client }: { client: Client }) {
  const toast = useToast();
  const saved = useClientSaved();
  const convert = useMutation({
    mutationFn: () => updateClient(client.id, { status: 'active', portal_enabled: true }),
    onSuccess: (updated) => {
      saved(updated);
      toast(`${updated.name} is now a client — invite them to the portal when you are ready`);
    },
  });
  return (
    <div className="space-y-2">
      <Button busy={convert.isPending} onClick={() => convert.mutate()}>
        Convert to client
      </Button>
      {convert.isError && <Alert tone="error">{messageOf(convert.error)}</Alert>}
    </div>
  );
}
