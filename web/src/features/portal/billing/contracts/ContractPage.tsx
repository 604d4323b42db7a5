import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { MarkdownView } from '@/components/Markdown';
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
  return (
    <DocumentFrame back={`${base}/contracts`} backLabel="All contracts" query={contract} what="contract">
      {() => <Contract contract={contract.data!} />}
    </DocumentFrame>
  );
}

function Contract({ contract: c }: { contract: PortalContract }) {
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
            {c.sent_at && <span>Sent {format.dateTime(c.sent_at)}</span>}
          </div>
        </div>
        {c.status === 'signed' && (
          <PdfButton of={{ kind: 'contract', id: c.id }} filename={filename} label="Download signed PDF" />
        )}
      </header>

      {c.signature && (
        <Alert tone="success">
          Signed by {c.signature.signer_name} on {format.dateTime(c.signature.signed_at)}.
          {c.countersignature
            ? ` Countersigned by ${c.countersignature.name} on ${format.dateTime(c.countersignature.signed_at)}.`
            : c.countersign
              ? ` ${branding.name} will countersign it.`
              : ''}
        </Alert>
      )}
      {c.status === 'void' && (
        <Alert tone="warning">
          {branding.name} withdrew this contract{c.voided_at ? ` on ${format.dateTime(c.voided_at)}` : ''}; it
          can no longer be signed.
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
      <Card title="The contract">
        <MarkdownView text={c.body} testId="contract-text" />
        <p ref={end} className="mt-6 border-t border-slate-100 pt-3 text-center text-sm text-slate-500">
          End of the contract
        </p>
      </Card>
      {c.status === 'sent' &&
        (readOnly ? (
          <p className="text-sm text-slate-600">Waiting for the client to read and sign it.</p>
        ) : read ? (
          <SignForm contract={c} onNotice={onNotice} />
        ) : (
          <p className="text-sm text-slate-600">
            Read the whole contract: the signing form appears when you reach its end.
          </p>
        ))}
    </>
  );
}

type Mode = 'typed' | 'drawn';

function SignForm({
  contract: c,
  onNotice,
}: {
  contract: PortalContract;
  onNotice: (notice: string | null) => void;
}) {
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
      name: signer ? undefined : 'Write your full name.',
      drawn: mode === 'drawn' && !drawn ? 'Draw your signature in the box, or choose Type.' : undefined,
      agreed: agreed ? undefined : 'Tick the box to confirm that you agree.',
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
      toast('Contract signed — a signed copy is on its way to your email.');
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409) {
        // The text may have changed since it was loaded: load it again, and if it did, it must be read anew.
        await queryClient.refetchQueries({ queryKey: keys.contract(slug, c.id), exact: true });
        const fresh = queryClient.getQueryData<PortalContract>(keys.contract(slug, c.id));
        if (fresh && fresh.body_sha256 !== c.body_sha256) {
          onNotice(
            'The text of this contract was updated since you opened it. Read it again before you sign.',
          );
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
    <Card title="Sign the contract">
      <form className="space-y-5" onSubmit={(e) => void submit(e)} noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Full name"
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          error={errors.name}
          hint="As it should appear on the signed contract."
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">How do you want to sign?</legend>
          <div className="flex gap-6">
            {(
              [
                ['typed', 'Type'],
                ['drawn', 'Draw'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={`${ids}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                  className="h-4 w-4 accent-brand"
                />
                {label}
              </label>
            ))}
          </div>
          {mode === 'typed' ? (
            <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
              <p className="text-xs text-slate-600">Your signature</p>
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
            <span>
              I agree to the terms of “{c.title}” above, and that this signature binds me as my handwritten
              one would.
            </span>
          </label>
          {errors.agreed && (
            <p id={`${ids}-agreed`} className="text-sm font-medium text-red-700">
              {errors.agreed}
            </p>
          )}
        </div>
        <Button type="submit" busy={busy}>
          Sign contract
        </Button>
      </form>
    </Card>
  );
}
