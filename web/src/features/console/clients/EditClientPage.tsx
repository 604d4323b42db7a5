import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { updateClient, useClient, useClientSaved, type Client } from './api';
import { draftOf, updateBody, type ClientDraft } from './clientDraft';
import { ClientForm } from './ClientForm';

export function EditClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const t = useT();
  if (client.isPending) return <Loading label={t('consoleClients.loadingOne')} />;
  if (client.isError) {
    return (
      <ErrorState
        title={t('consoleClients.loadOneError')}
        message={messageOf(client.error)}
        onRetry={() => void client.refetch()}
      />
    );
  }
  return <EditClient key={client.data.id} client={client.data} />;
}

function EditClient({ client }: { client: Client }) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useClientSaved();
  const initial = draftOf(client);
  const back = `/app/clients/${client.id}`;
  const update = useMutation({
    mutationFn: (draft: ClientDraft) => updateClient(client.id, updateBody(initial, draft)),
    onSuccess: (updated) => {
      saved(updated);
      toast(t('consoleClients.savedToast'));
      navigate(back);
    },
  });
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('consoleClients.editTitle', { name: client.name })} />
      <ClientForm
        initial={initial}
        submitLabel={t('consoleClients.saveChanges')}
        cancelTo={back}
        busy={update.isPending}
        error={update.error}
        locked={client.status === 'archived' ? t('consoleClients.archivedLocked') : undefined}
        onSubmit={(draft) => {
          // Nothing changed: saving would only add a line to the timeline.
          if (Object.keys(updateBody(initial, draft)).length === 0) navigate(back);
          else update.mutate(draft);
        }}
      />
    </div>
  );
}
