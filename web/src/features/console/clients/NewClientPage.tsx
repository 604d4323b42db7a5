import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { createClient, useClientSaved } from './api';
import { createBody, draftOf } from './clientDraft';
import { ClientForm } from './ClientForm';

export function NewClientPage() {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useClientSaved();
  const create = useMutation({
    mutationFn: createClient,
    onSuccess: (client) => {
      saved(client);
      toast(t('consoleClients.createdToast'));
      navigate(`/app/clients/${client.id}`);
    },
  });
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('consoleClients.newTitle')} description={t('consoleClients.newDescription')} />
      <ClientForm
        initial={draftOf()}
        submitLabel={t('consoleClients.create')}
        cancelTo="/app/clients"
        busy={create.isPending}
        error={create.error}
        onSubmit={(draft) => create.mutate(createBody(draft))}
      />
    </div>
  );
}
