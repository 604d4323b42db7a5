import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { PdfButton } from '@/components/money/PdfButton';
import { ContractStatus } from '@/components/money/status';
import { Alert, Button, Card, ConfirmButton, TextField, useToast } from '@/components/ui';
import { pdfName } from '@/lib/download';
import {
  countersignContract,
  downloadPdf,
  sendContract,
  useConsoleMe,
  useContract,
  useFormatDate,
  useSaved,
  voidContract,
  type Contract,
} from '../api';
import { DetailFrame, Fact } from '../DetailParts';
import { secondaryLink } from '@/components/styles';

const kinds: Record<string, string> = { typed: 'Typed name', svg: 'Drawn', png: 'Drawn (image)' };

/** `/app/contracts/:id`: the text, where it stands, the signature's audit trail, and the next step. */
export function ContractDetailPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  return (
    <DetailFrame back="/app/contracts" backLabel="All contracts" query={contract} what="contract">
      {() => <ContractDetail contract={contract.data!} />}
    </DetailFrame>
  );
}

function ContractDetail({ contract: c }: { contract: Contract }) {
  const format = useFormatDate();
  const filename = pdfName(c.title);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{c.title}</h1>
            <ContractStatus status={c.status} audience="staff" />
          </div>
          <p className="mt-1 text-slate-600">
            With{' '}
            <Link to={`/app/clients/${c.client.id}`} className="text-slate-900 underline underline-offset-2">
              {c.client.name}
            </Link>
            {c.client.company && ` · ${c.client.company}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {(c.status === 'draft' || c.status === 'sent') && (
            <Link to={`/app/contracts/${c.id}/edit`} className={secondaryLink}>
              Edit
            </Link>
          )}
          {c.status === 'signed' && (
            <PdfButton
              download={() => downloadPdf.contract(c.id, filename)}
              filename={filename}
              label="Download signed PDF"
            />
          )}
        </div>
      </div>

      {c.status === 'void' && (
        <div className="mb-6">
          <Alert tone="info">
            Void{c.voided_at ? ` since ${format(c.voided_at)}` : ''}: the client can no longer sign it.
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {c.signature && <SignatureAudit contract={c} />}
          <Card title="The contract">
            <MarkdownView text={c.body} testId="contract-text" />
          </Card>
        </div>
        <div className="space-y-6">
          <Actions contract={c} />
          <Card title="Details">
            <dl className="grid gap-4 text-sm">
              <Fact label="Created">{format(c.created_at)}</Fact>
              <Fact label="Sent">{c.sent_at ? format(c.sent_at) : 'Not yet'}</Fact>
              <Fact label="Countersignature">
                {c.countersign ? 'Wanted after the client signs' : 'Not wanted'}
              </Fact>
              <Fact label="Client views">
                {c.view_count === 0
                  ? 'Not opened yet'
                  : `${c.view_count === 1 ? 'Once' : `${c.view_count} times`}, first ${format(c.first_viewed_at)}`}
              </Fact>
              <Fact label="Text SHA-256">
                <code className="text-xs break-all">{c.body_sha256}</code>
              </Fact>
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}

function SignatureAudit({ contract: c }: { contract: Contract }) {
  const format = useFormatDate();
  const s = c.signature!;
  const same = s.signed_sha256 === c.body_sha256;
  return (
    <Card title="Signature">
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <Fact label="Signed by">{s.signer_name}</Fact>
        <Fact label="Email">{s.signer_email}</Fact>
        <Fact label="Signed at">{format(s.signed_at)}</Fact>
        <Fact label="IP address">{s.ip}</Fact>
        <Fact label="Signature">{kinds[s.kind] ?? s.kind}</Fact>
        <Fact label="Browser">
          <span className="font-normal">{s.user_agent}</span>
        </Fact>
        <div className="sm:col-span-2">
          <Fact label="SHA-256 of the text signed">
            <code className="text-xs break-all">{s.signed_sha256}</code>
            <span className={`mt-1 block text-sm ${same ? 'text-green-800' : 'text-red-700'}`}>
              {same ? 'Matches the text below.' : 'Differs from the text below.'}
            </span>
          </Fact>
        </div>
        {c.countersignature && (
          <>
            <Fact label="Countersigned by">{c.countersignature.name}</Fact>
            <Fact label="Countersigned at">{format(c.countersignature.signed_at)}</Fact>
          </>
        )}
      </dl>
    </Card>
  );
}

function Actions({ contract: c }: { contract: Contract }) {
  const toast = useToast();
  const saved = useSaved();
  const send = useMutation({
    mutationFn: () => sendContract(c.id),
    onSuccess: (sent) => {
      saved.contract(sent);
      toast(`“${sent.title}” sent — ${sent.client.name} has been emailed`);
    },
  });
  const cancel = useMutation({
    mutationFn: () => voidContract(c.id),
    onSuccess: (voided) => {
      saved.contract(voided);
      toast(`“${voided.title}” is void`);
    },
  });
  const failed = [send, cancel].find((m) => m.isError);
  const voidButton = (
    <ConfirmButton
      label="Void"
      question={`Void “${c.title}”? ${c.status === 'sent' ? `${c.client.name} can no longer sign it. ` : ''}This cannot be undone.`}
      confirmLabel="Void contract"
      busy={cancel.isPending}
      onConfirm={() => cancel.mutateAsync()}
    />
  );
  const wantsCountersign = c.status === 'signed' && c.countersign && !c.countersignature;
  return (
    <Card title="Next steps">
      <div className="flex flex-col items-stretch gap-3">
        {c.status === 'draft' && (
          <>
            <p className="text-sm text-slate-700">
              A draft: only your team sees it. Sending emails {c.client.name} a link to read and sign it.
            </p>
            <ConfirmButton
              label="Send to client"
              openerVariant="primary"
              tone="primary"
              question={`Email ${c.client.name} (${c.client.email}) a link to sign “${c.title}”?`}
              confirmLabel="Send contract"
              busy={send.isPending}
              onConfirm={() => send.mutateAsync()}
            />
            {voidButton}
          </>
        )}
        {c.status === 'sent' && (
          <>
            <p className="text-sm text-slate-700">Waiting for {c.client.name} to sign.</p>
            {voidButton}
          </>
        )}
        {wantsCountersign && <CountersignForm contract={c} />}
        {c.status === 'signed' && !wantsCountersign && (
          <p className="text-sm text-slate-700">
            Signed{c.countersignature ? ' and countersigned' : ''}. Nothing more to do.
          </p>
        )}
        {c.status === 'void' && <p className="text-sm text-slate-700">Void contracts are final.</p>}
        {failed && <Alert tone="error">{messageOf(failed.error)}</Alert>}
      </div>
    </Card>
  );
}

function CountersignForm({ contract: c }: { contract: Contract }) {
  const me = useConsoleMe();
  const toast = useToast();
  const saved = useSaved();
  const [name, setName] = useState(me.data?.name ?? '');
  const [missing, setMissing] = useState(false);
  const sign = useMutation({
    mutationFn: (signer: string) => countersignContract(c.id, signer),
    onSuccess: (signed) => {
      saved.contract(signed);
      toast(`“${signed.title}” countersigned`);
    },
  });
  const problem = sign.error instanceof ApiProblem ? sign.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    sign.mutate(name.trim());
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <p className="text-sm text-slate-700">{c.client.name} has signed. Add your countersignature.</p>
      <TextField
        label="Your name, as printed under the signature"
        value={name}
        autoComplete="name"
        error={missing ? 'Write the name to print.' : problem?.fieldError('name')}
        onChange={(e) => {
          setName(e.target.value);
          setMissing(false);
        }}
      />
      <Button type="submit" busy={sign.isPending}>
        Countersign
      </Button>
      {sign.isError && !problem?.fieldError('name') && <Alert tone="error">{messageOf(sign.error)}</Alert>}
    </form>
  );
}
