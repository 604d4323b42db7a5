import { useMutation } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import { Alert, useToast } from '@/components/ui';
import { archiveClient, restoreClient, useClientSaved, type Client } from './api';
import { ConfirmButton } from '@/components/ui';

export function ArchiveControl({ client }: { client: Client }) {
  const toast = useToast();
  const saved = useClientSaved();
  const archived = client.status === 'archived';
  const change = useMutation({
    mutationFn: () => (archived ? restoreClient(client.id) : archiveClient(client.id)),
    onSuccess: (updated) => {
      saved(updated);
      toast(updated.status === 'archived' ? 'Client archived' : 'Client restored');
    },
  });
  return (
    <div className="flex max-w-md flex-col items-stretch gap-2">
      {/* Keyed so the question does not carry over from Archive to Restore. */}
      {archived ? (
        <ConfirmButton
          key="restore"
          label="Restore"
          tone="primary"
          question={`Restore ${client.name}? They become an active client again and can log in to the portal if their access is on.`}
          confirmLabel="Restore client"
          busy={change.isPending}
          onConfirm={() => change.mutateAsync()}
        />
      ) : (
        <ConfirmButton
          key="archive"
          label="Archive"
          question={`Archive ${client.name}? They disappear from the client list and can no longer log in to the portal. Everything about them is kept, and you can restore them at any time.`}
          confirmLabel="Archive client"
          busy={change.isPending}
          onConfirm={() => change.mutateAsync()}
        />
      )}
      {change.isError && <Alert tone="error">{messageOf(change.error)}</Alert>}
    </div>
  );
}
