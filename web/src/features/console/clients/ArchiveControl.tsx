import { useMutation } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import { Alert, useToast } from '@/components/ui';
import { archiveClient, restoreClient, useClientSaved, type Client } from './api';
import { ConfirmButton } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

export function ArchiveControl({ client }: { client: Client }) {
  const t = useT();
  const toast = useToast();
  const saved = useClientSaved();
  const archived = client.status === 'archived';
  const change = useMutation({
    mutationFn: () => (archived ? restoreClient(client.id) : archiveClient(client.id)),
    onSuccess: (updated) => {
      saved(updated);
      toast(
        t(updated.status === 'archived' ? 'consoleClients.archivedToast' : 'consoleClients.restoredToast'),
      );
    },
  });
  return (
    <div className="flex max-w-md flex-col items-stretch gap-2">
      {/* Keyed so the question does not carry over from Archive to Restore. */}
      {archived ? (
        <ConfirmButton
          key="restore"
          label={t('consoleClients.restore')}
          tone="primary"
          question={t('consoleClients.restoreQuestion', { name: client.name })}
          confirmLabel={t('consoleClients.restoreConfirm')}
          busy={change.isPending}
          onConfirm={() => change.mutateAsync()}
        />
      ) : (
        <ConfirmButton
          key="archive"
          label={t('consoleClients.archive')}
          question={t('consoleClients.archiveQuestion', { name: client.name })}
          confirmLabel={t('consoleClients.archiveConfirm')}
          busy={change.isPending}
          onConfirm={() => change.mutateAsync()}
        />
      )}
      {change.isError && <Alert tone="error">{messageOf(change.error)}</Alert>}
    </div>
  );
}
