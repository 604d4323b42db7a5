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
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

const KIND_KEYS: Record<string, string> = {
  typed: 'consoleBillingContracts.signature.typed',
  svg: 'consoleBillingContracts.signature.drawn',
  png: 'consoleBillingContracts.signature.drawnImage',
};

/** `/app/contracts/:id`: the text, where it stands, the signature's audit trail, and the next step. */
export function ContractDetailPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  const t = useT();
  return (
    <DetailFrame
      back="/app/contracts"
      backLabel={t('consoleBillingContracts.detail.back')}
      query={contract}
      what="contract"
    >
      {() => <ContractDetail contract={contract.data!} />}
    </DetailFrame>
  );
}

function ContractDetail({ contract: c }: { contract: Contract }) {
  const t = useT();
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
            <Rich
              text={t('consoleBillingContracts.detail.with', { name: c.client.name })}
              tags={{
                link: (chunk) => (
                  <Link
                    to={`/app/clients/${c.client.id}`}
                    className="text-slate-900 underline underline-offset-2"
                  >
                    {chunk}
                  </Link>
                ),
              }}
            />
            {c.client.company && ` · ${c.client.company}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {(c.status === 'draft' || c.status === 'sent') && (
            <Link to={`/app/contracts/${c.id}/edit`} className={secondaryLink}>
              {t('consoleBilling.edit')}
            </Link>
          )}
          {c.status === 'signed' && (
            <PdfButton
              download={() => downloadPdf.contract(c.id, filename)}
              filename={filename}
              label={t('consoleBillingContracts.detail.downloadSigned')}
            />
          )}
        </div>
      </div>

      {c.status === 'void' && (
        <div className="mb-6">
          <Alert tone="info">
            {c.voided_at
              ? t('consoleBillingContracts.detail.voidSince', { date: format(c.voided_at) })
              : t('consoleBillingContracts.detail.void')}
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {c.signature && <SignatureAudit contract={c} />}
          <Card title={t('consoleBillingContracts.detail.text')}>
            <MarkdownView text={c.body} testId="contract-text" />
          </Card>
        </div>
        <div className="space-y-6">
          <Actions contract={c} />
          <Card title={t('consoleBilling.card.details')}>
            <dl className="grid gap-4 text-sm">
              <Fact label={t('consoleBilling.fact.created')}>{format(c.created_at)}</Fact>
              <Fact label={t('consoleBilling.fact.sent')}>
                {c.sent_at ? format(c.sent_at) : t('consoleBilling.notYet')}
              </Fact>
              <Fact label={t('consoleBillingContracts.detail.countersignature')}>
                {c.countersign
                  ? t('consoleBillingContracts.detail.countersignWanted')
                  : t('consoleBillingContracts.detail.countersignNotWanted')}
              </Fact>
              <Fact label={t('consoleBilling.card.clientViews')}>
                {c.view_count === 0
                  ? t('consoleBillingContracts.detail.notOpened')
                  : t('consoleBillingContracts.detail.views', {
                      count: c.view_count,
                      date: format(c.first_viewed_at),
                    })}
              </Fact>
              <Fact label={t('consoleBillingContracts.detail.textHash')}>
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
  const t = useT();
  const format = useFormatDate();
  const s = c.signature!;
  const same = s.signed_sha256 === c.body_sha256;
  return (
    <Card title={t('consoleBillingContracts.signature.title')}>
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <Fact label={t('consoleBillingContracts.signature.signedBy')}>{s.signer_name}</Fact>
        <Fact label={t('consoleBillingContracts.signature.email')}>{s.signer_email}</Fact>
        <Fact label={t('consoleBillingContracts.signature.signedAt')}>{format(s.signed_at)}</Fact>
        <Fact label={t('consoleBillingContracts.signature.ip')}>{s.ip}</Fact>
        <Fact label={t('consoleBillingContracts.signature.title')}>
          {KIND_KEYS[s.kind] ? t(KIND_KEYS[s.kind]!) : s.kind}
        </Fact>
        <Fact label={t('consoleBillingContracts.signature.browser')}>
          <span className="font-normal">{s.user_agent}</span>
        </Fact>
        <div className="sm:col-span-2">
          <Fact label={t('consoleBillingContracts.signature.signedHash')}>
            <code className="text-xs break-all">{s.signed_sha256}</code>
            <span className={`mt-1 block text-sm ${same ? 'text-green-800' : 'text-red-700'}`}>
              {same
                ? t('consoleBillingContracts.signature.matches')
                : t('consoleBillingContracts.signature.differs')}
            </span>
          </Fact>
        </div>
        {c.countersignature && (
          <>
            <Fact label={t('consoleBillingContracts.signature.countersignedBy')}>
              {c.countersignature.name}
            </Fact>
            <Fact label={t('consoleBillingContracts.signature.countersignedAt')}>
              {format(c.countersignature.signed_at)}
            </Fact>
          </>
        )}
      </dl>
    </Card>
  );
}

function Actions({ contract: c }: { contract: Contract }) {
  const t = useT();
  const toast = useToast();
  const saved = useSaved();
  const send = useMutation({
    mutationFn: () => sendContract(c.id),
    onSuccess: (sent) => {
      saved.contract(sent);
      toast(t('consoleBillingContracts.actions.sentToast', { title: sent.title, name: sent.client.name }));
    },
  });
  const cancel = useMutation({
    mutationFn: () => voidContract(c.id),
    onSuccess: (voided) => {
      saved.contract(voided);
      toast(t('consoleBillingContracts.actions.voidToast', { title: voided.title }));
    },
  });
  const failed = [send, cancel].find((m) => m.isError);
  const voidQuestion =
    c.status === 'sent'
      ? t('consoleBillingContracts.actions.voidSentQuestion', { title: c.title, name: c.client.name })
      : t('consoleBillingContracts.actions.voidQuestion', { title: c.title });
  const voidButton = (
    <ConfirmButton
      label={t('consoleBillingContracts.actions.voidOpen')}
      question={voidQuestion}
      confirmLabel={t('consoleBillingContracts.actions.void')}
      busy={cancel.isPending}
      onConfirm={() => cancel.mutateAsync()}
    />
  );
  const wantsCountersign = c.status === 'signed' && c.countersign && !c.countersignature;
  return (
    <Card title={t('consoleBilling.card.nextSteps')}>
      <div className="flex flex-col items-stretch gap-3">
        {c.status === 'draft' && (
          <>
            <p className="text-sm text-slate-700">
              {t('consoleBillingContracts.actions.draft', { name: c.client.name })}
            </p>
            <ConfirmButton
              label={t('consoleBilling.sendToClient')}
              openerVariant="primary"
              tone="primary"
              question={t('consoleBillingContracts.actions.sendQuestion', {
                name: c.client.name,
                email: c.client.email,
                title: c.title,
              })}
              confirmLabel={t('consoleBillingContracts.actions.send')}
              busy={send.isPending}
              onConfirm={() => send.mutateAsync()}
            />
            {voidButton}
          </>
        )}
        {c.status === 'sent' && (
          <>
            <p className="text-sm text-slate-700">
              {t('consoleBillingContracts.actions.waiting', { name: c.client.name })}
            </p>
            {voidButton}
          </>
        )}
        {wantsCountersign && <CountersignForm contract={c} />}
        {c.status === 'signed' && !wantsCountersign && (
          <p className="text-sm text-slate-700">
            {c.countersignature
              ? t('consoleBillingContracts.actions.countersigned')
              : t('consoleBillingContracts.actions.signed')}
          </p>
        )}
        {c.status === 'void' && (
          <p className="text-sm text-slate-700">{t('consoleBillingContracts.actions.voidFinal')}</p>
        )}
        {failed && <Alert tone="error">{messageOf(failed.error)}</Alert>}
      </div>
    </Card>
  );
}

function CountersignForm({ contract: c }: { contract: Contract }) {
  const t = useT();
  const me = useConsoleMe();
  const toast = useToast();
  const saved = useSaved();
  const [name, setName] = useState(me.data?.name ?? '');
  const [missing, setMissing] = useState(false);
  const sign = useMutation({
    mutationFn: (signer: string) => countersignContract(c.id, signer),
    onSuccess: (signed) => {
      saved.contract(signed);
      toast(t('consoleBillingContracts.countersign.toast', { title: signed.title }));
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
      <p className="text-sm text-slate-700">
        {t('consoleBillingContracts.countersign.prompt', { name: c.client.name })}
      </p>
      <TextField
        label={t('consoleBillingContracts.countersign.name')}
        value={name}
        autoComplete="name"
        error={missing ? t('consoleBillingContracts.countersign.nameMissing') : problem?.fieldError('name')}
        onChange={(e) => {
          setName(e.target.value);
          setMissing(false);
        }}
      />
      <Button type="submit" busy={sign.isPending}>
        {t('consoleBillingContracts.countersign.submit')}
      </Button>
      {sign.isError && !problem?.fieldError('name') && <Alert tone="error">{messageOf(sign.error)}</Alert>}
    </form>
  );
}
