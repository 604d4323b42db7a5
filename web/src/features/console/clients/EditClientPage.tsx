import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { updateClient, useClient, useClientSaved, type Client } from './api';
import { draftOf, updateBody, type ClientDraft } from './clientDraft';
import { ClientForm } from './ClientForm';

export function EditClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  if (client.isPending) return <Loading label="Loading the client…" />;
  if (client.isError) {
    return (
      <ErrorState
        title="This client could not be loaded"
        message={messageOf(client.error)}
        onRetry={() => void client.refetch()}
      />
    );
  }
  return <EditClient key={client.data.id} client={client.data} />;
}

function EditClient({ client }: { client: Client }) {
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useClientSaved();
  const initial = draftOf(client);
  const back = `/app/clients/${client.id}`;
  const update = useMutation({
    mutationFn: (draft: ClientDraft) => updateClient(client.id, updateBody(initial, draft)),
    onSuccess: (updated) => {
      saved(updated);
      toast('Changes saved');
      navigate(back);
    },
  });
  return (
    <div className="max-w-2xl">
      <PageHeader title={`Edit ${client.name}`} />
      <ClientForm
        initial={initial}
        submitLabel="Save changes"
        cancelTo={back}
        busy={update.isPending}
        error={update.error}
        locked={
          client.status === 'archived'
            ? 'This client is archived. Restore them from their page before changing their details.'
            : undefined
        }
        onSubmit={(draft) => {
          // Nothing changed: saving would only add a line to the timeline.
          if (Object.keys(updateBody(initial, draft)).length === 0) navigate(back);
          else update.mutate(draft);
        }}
      />
    </div>
  );
}
