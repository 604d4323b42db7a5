import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { MarkdownView } from '@/components/Markdown';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import {
  keys,
  signContract,
  useMoneyChanged,
  usePortalContract,
  type PortalContract,
  type SignatureInput,
} from '../api';
import { DocumentFrame } from '../DocumentFrame';
import { pdfName } from '@/lib/download';
import { PdfButton } from '../PdfButton';
import { SignaturePad, type DrawnSignature } from './SignaturePad';
import { ContractStatus } from '@/components/money/status';

/** `/contracts/:id`: the whole text, then (once read) the signature; after it, the signed copy. */
export function ContractPage() {
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const contract = usePortalContract(slug, id);
  const t = useT();
  return (
    <DocumentFrame
      back={`${base}/contracts`}
      backLabel={t('portalBillingContracts.back')}
      query={contract}
      what="contract"
    >
      {() => <Contract contract={contract.data!} />}
    </DocumentFrame>
  );
}

function Contract({ contract: c }: { contract: PortalContract }) {
  const t = useT();
  const { branding } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  // Survives the reload after a 409, which swaps the text (and so the reading state) below.
  const [notice, setNotice] = useState<string | null>(null);
  const filename = pdfName(c.title);

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{c.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <ContractStatus status={c.status} />
            {c.sent_at && <span>{t('portalBilling.sentOn', { date: format.dateTime(c.sent_at) })}</span>}
          </div>
        </div>
        {c.status === 'signed' && (
          <PdfButton
            of={{ kind: 'contract', id: c.id }}
            filename={filename}
            label={t('portalBillingContracts.downloadSigned')}
          />
        )}
      </header>

      {c.signature && (
        <Alert tone="success">
          {t('portalBillingContracts.signedBy', {
            name: c.signature.signer_name,
            date: format.dateTime(c.signature.signed_at),
          })}
          {c.countersignature
            ? ` ${t('portalBillingContracts.countersignedBy', {
                name: c.countersignature.name,
                date: format.dateTime(c.countersignature.signed_at),
              })}`
            : c.countersign
              ? ` ${t('portalBillingContracts.willCountersign', { business: branding.name })}`
              : ''}
        </Alert>
      )}
      {c.status === 'void' && (
        <Alert tone="warning">
          {c.voided_at
            ? t('portalBillingContracts.withdrawnOn', {
                business: branding.name,
                date: format.dateTime(c.voided_at),
              })
            : t('portalBillingContracts.withdrawn', { business: branding.name })}
        </Alert>
      )}
      {notice && <Alert tone="warning">{notice}</Alert>}

      <Reading key={c.body_sha256} contract={c} readOnly={readOnly} onNotice={setNotice} />
    </>
  );
}

/**
 * The text, then the signing form once its end has been on screen. Keyed by the text's hash,
 * so new text starts unread.
 */
function Reading({
  contract: c,
  readOnly,
  onNotice,
}: {
  contract: PortalContract;
  readOnly: boolean;
  onNotice: (notice: string | null) => void;
}) {
  const t = useT();
  const end = useRef<HTMLParagraphElement>(null);
  const signable = c.status === 'sent' && !readOnly;
  const [read, setRead] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    if (!signable || read || !end.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setRead(true);
    });
    observer.observe(end.current);
    return () => observer.disconnect();
  }, [signable, read]);

  return (
    <>
      <Card title={t('portalBillingContracts.text')}>
        <MarkdownView text={c.body} testId="contract-text" />
        <p ref={end} className="mt-6 border-t border-slate-100 pt-3 text-center text-sm text-slate-500">
          {t('portalBillingContracts.end')}
        </p>
      </Card>
      {c.status === 'sent' &&
        (readOnly ? (
          <p className="text-sm text-slate-600">{t('portalBillingContracts.waitingForClient')}</p>
        ) : read ? (
          <SignForm contract={c} onNotice={onNotice} />
        ) : (
          <p className="text-sm text-slate-600">{t('portalBillingContracts.readToEnd')}</p>
        ))}
    </>
  );
}

type Mode = 'typed' | 'drawn';

const MODES = [
  ['typed', 'portalBillingContracts.modeType'],
  ['drawn', 'portalBillingContracts.modeDraw'],
] as const satisfies readonly (readonly [Mode, string])[];

function SignForm({
  contract: c,
  onNotice,
}: {
  contract: PortalContract;
  onNotice: (notice: string | null) => void;
}) {
  const t = useT();
  const { slug } = usePortal();
  const queryClient = useQueryClient();
  const changed = useMoneyChanged(slug);
  const toast = useToast();
  const ids = useId();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<Mode>('typed');
  const [drawn, setDrawn] = useState<DrawnSignature | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; drawn?: string; agreed?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const signer = name.trim();
    const found = {
      name: signer ? undefined : t('portalBillingContracts.nameRequired'),
      drawn: mode === 'drawn' && !drawn ? t('portalBillingContracts.drawRequired') : undefined,
      agreed: agreed ? undefined : t('portalBillingContracts.agreeRequired'),
    };
    setErrors(found);
    if (found.name || found.drawn || found.agreed) return;
    const signature: SignatureInput =
      mode === 'typed' ? { kind: 'typed', name: signer } : { kind: 'svg', ...drawn! };
    setBusy(true);
    setError(null);
    onNotice(null);
    try {
      const signed = await signContract(c.id, { signer_name: signer, body_sha256: c.body_sha256, signature });
      queryClient.setQueryData(keys.contract(slug, c.id), signed);
      changed('contracts');
      toast(t('portalBillingContracts.signedToast'));
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409) {
        // The text may have changed since it was loaded: load it again, and if it did, it must be read anew.
        await queryClient.refetchQueries({ queryKey: keys.contract(slug, c.id), exact: true });
        const fresh = queryClient.getQueryData<PortalContract>(keys.contract(slug, c.id));
        if (fresh && fresh.body_sha256 !== c.body_sha256) {
          onNotice(t('portalBillingContracts.textChanged'));
          return;
        }
        onNotice(messageOf(err));
        return;
      }
      const field = err instanceof ApiProblem ? err.fieldError('signer_name') : undefined;
      if (field) setErrors({ name: field });
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('portalBillingContracts.signTitle')}>
      <form className="space-y-5" onSubmit={(e) => void submit(e)} noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label={t('portalBillingContracts.fullName')}
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          error={errors.name}
          hint={t('portalBillingContracts.fullNameHint')}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">
            {t('portalBillingContracts.howToSign')}
          </legend>
          <div className="flex gap-6">
            {MODES.map(([value, labelKey]) => (
              <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={`${ids}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                  className="h-4 w-4 accent-brand"
                />
                {t(labelKey)}
              </label>
            ))}
          </div>
          {mode === 'typed' ? (
            <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
              <p className="text-xs text-slate-600">{t('portalBillingContracts.yourSignature')}</p>
              <p className="min-h-9 font-serif text-2xl italic text-slate-900" data-testid="typed-signature">
                {name.trim()}
              </p>
            </div>
          ) : (
            <div className="space-y-1.5">
              <SignaturePad
                onChange={setDrawn}
                invalid={Boolean(errors.drawn)}
                describedBy={`${ids}-drawn`}
              />
              {errors.drawn && (
                <p id={`${ids}-drawn`} className="text-sm font-medium text-red-700">
                  {errors.drawn}
                </p>
              )}
            </div>
          )}
        </fieldset>
        <div className="space-y-1.5">
          <label className="flex items-start gap-3 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={agreed}
              onChange={(e) => setAgreed(e.target.checked)}
              aria-invalid={errors.agreed ? true : undefined}
              aria-describedby={errors.agreed ? `${ids}-agreed` : undefined}
              className="mt-0.5 h-4 w-4 accent-brand"
            />
            <span>{t('portalBillingContracts.agree', { title: c.title })}</span>
          </label>
          {errors.agreed && (
            <p id={`${ids}-agreed`} className="text-sm font-medium text-red-700">
              {errors.agreed}
            </p>
          )}
        </div>
        <Button type="submit" busy={busy}>
          {t('portalBillingContracts.sign')}
        </Button>
      </form>
    </Card>
  );
}
