import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { usePresetClient } from '@/components/presetClient';
import { Alert, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import {
  createContract,
  updateContract,
  useContract,
  useSaved,
  type Contract,
  type CreateContract,
  type UpdateContract,
} from '../api';
import { ContractForm, type ContractDraft } from './ContractForm';
import { ContractTemplateStart } from './ContractTemplateStart';
import { useT } from '@/lib/i18n/hooks';

/**
 * `/app/contracts/new`: a new contract, saved as a draft; it can start from a template.
 * `?client_id=` starts it for a client.
 */
export function NewContractPage() {
  const t = useT();
  const [params] = useSearchParams();
  const preset = usePresetClient(params.get('client_id'));
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const create = useMutation({
    mutationFn: (body: CreateContract) => createContract(body),
    onSuccess: (contract) => {
      saved.contract(contract);
      toast(t('consoleBillingContracts.form.createdToast', { title: contract.title }));
      navigate(`/app/contracts/${contract.id}`);
    },
  });
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t('consoleBillingContracts.list.new')}
        description={t('consoleBillingContracts.form.newDescription')}
      />
      {preset.pending ? (
        <Loading label={t('consoleBillingContracts.form.loading')} />
      ) : (
        <ContractForm
          initial={{ client: preset.client, title: '', body: '', countersign: false }}
          submitLabel={t('consoleBilling.saveDraft')}
          cancelTo="/app/contracts"
          busy={create.isPending}
          error={create.error}
          startFrom={(context) => <ContractTemplateStart context={context} />}
          onSubmit={(d) =>
            create.mutate({
              client_id: d.client!.id,
              title: d.title,
              body: d.body,
              countersign: d.countersign,
            })
          }
        />
      )}
    </div>
  );
}

/** `/app/contracts/:id/edit`: a draft's or a sent contract's changes (not once signed or void). */
export function EditContractPage() {
  const t = useT();
  const { id = '' } = useParams();
  const contract = useContract(id);
  return (
    <div className="max-w-6xl">
      <Link
        to={`/app/contracts/${id}`}
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← {t('consoleBillingContracts.form.back')}
      </Link>
      {contract.isPending ? (
        <Loading label={t('consoleBilling.frame.contractLoading')} />
      ) : contract.isError ? (
        <ErrorState
          title={t('consoleBilling.frame.contractFailed')}
          message={messageOf(contract.error)}
          onRetry={() => void contract.refetch()}
        />
      ) : (
        <EditContract key={contract.data.updated_at} contract={contract.data} />
      )}
    </div>
  );
}

function EditContract({ contract: c }: { contract: Contract }) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const [initial] = useState<ContractDraft>(() => ({
    client: { id: c.client.id, name: c.client.name },
    title: c.title,
    body: c.body,
    countersign: c.countersign,
  }));
  const save = useMutation({
    mutationFn: (body: UpdateContract) => updateContract(c.id, body),
    onSuccess: (updated) => {
      saved.contract(updated);
      toast(t('consoleBillingContracts.form.savedToast', { title: updated.title }));
      navigate(`/app/contracts/${updated.id}`);
    },
  });
  const editable = c.status === 'draft' || c.status === 'sent';
  return (
    <>
      <PageHeader
        title={t('consoleBillingContracts.form.editTitle', { title: c.title })}
        description={t('consoleBillingContracts.form.with', { name: c.client.name })}
      />
      {!editable ? (
        <Alert tone="info">{t('consoleBillingContracts.form.notEditable', { status: c.status })}</Alert>
      ) : (
        <div className="space-y-4">
          {c.status === 'sent' && (
            <Alert tone="warning">
              {t('consoleBillingContracts.form.sentWarning', { name: c.client.name })}
            </Alert>
          )}
          <ContractForm
            initial={initial}
            clientLocked
            submitLabel={t('consoleBillingContracts.form.save')}
            cancelTo={`/app/contracts/${c.id}`}
            busy={save.isPending}
            error={save.error}
            onSubmit={(d) => {
              const body: UpdateContract = {};
              if (d.title !== initial.title) body.title = d.title;
              if (d.body !== initial.body) body.body = d.body;
              if (d.countersign !== initial.countersign) body.countersign = d.countersign;
              if (Object.keys(body).length === 0) navigate(`/app/contracts/${c.id}`);
              else save.mutate(body);
            }}
          />
        </div>
      )}
    </>
  );
}
