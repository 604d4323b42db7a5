import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader, useToast } from '@/components/ui';
import { createClient, useClientSaved } from './api';
import { createBody, draftOf } from './clientDraft';
import { ClientForm } from './ClientForm';

export function NewClientPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useClientSaved();
  const create = useMutation({
    mutationFn: createClient,
    onSuccess: (client) => {
      saved(client);
      toast('Client created');
      navigate(`/app/clients/${client.id}`);
    },
  });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="New client"
        description="Add someone you work with. You can invite them to the portal next."
      />
      <ClientForm
        initial={draftOf()}
        submitLabel="Create client"
        cancelTo="/app/clients"
        busy={create.isPending}
        error={create.error}
        onSubmit={(draft) => create.mutate(createBody(draft))}
      />
    </div>
  );
}
