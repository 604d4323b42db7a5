import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
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

/** `/app/contracts/new`: a new contract, saved as a draft. */
export function NewContractPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const create = useMutation({
    mutationFn: (body: CreateContract) => createContract(body),
    onSuccess: (contract) => {
      saved.contract(contract);
      toast(`“${contract.title}” saved as a draft`);
      navigate(`/app/contracts/${contract.id}`);
    },
  });
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="New contract"
        description="It is saved as a draft: the client sees it once you send it."
      />
      <ContractForm
        initial={{ client: null, title: '', body: '', countersign: false }}
        submitLabel="Save draft"
        cancelTo="/app/contracts"
        busy={create.isPending}
        error={create.error}
        onSubmit={(d) =>
          create.mutate({ client_id: d.client!.id, title: d.title, body: d.body, countersign: d.countersign })
        }
      />
    </div>
  );
}

/** `/app/contracts/:id/edit`: a draft's or a sent contract's changes (not once signed or void). */
export function EditContractPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  return (
    <div className="max-w-6xl">
      <Link
        to={`/app/contracts/${id}`}
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← Back to the contract
      </Link>
      {contract.isPending ? (
        <Loading label="Loading the contract…" />
      ) : contract.isError ? (
        <ErrorState
          title="This contract could not be loaded"
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
      toast(`“${updated.title}” saved`);
      navigate(`/app/contracts/${updated.id}`);
    },
  });
  const editable = c.status === 'draft' || c.status === 'sent';
  return (
    <>
      <PageHeader title={`Edit “${c.title}”`} description={`With ${c.client.name}`} />
      {!editable ? (
        <Alert tone="info">This contract is {c.status} and can no longer be changed.</Alert>
      ) : (
        <div className="space-y-4">
          {c.status === 'sent' && (
            <Alert tone="warning">
              {c.client.name} has been sent this contract. If you change the text, they must read the new text
              before they can sign.
            </Alert>
          )}
          <ContractForm
            initial={initial}
            clientLocked
            submitLabel="Save contract"
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
