import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/**
 * The one moment a secret (an API key, a webhook's signing secret) exists in the browser: it
 * lives only in this component's props (never in the query cache), and is gone once the person
 * says they are done.
 */
export function SecretReveal({
  id,
  testId,
  title,
  noun,
  secret,
  hint,
  onDone,
}: {
  /** The heading's id, which names the section. */
  id: string;
  testId: string;
  title: ReactNode;
  /**
   * Which secret it is, so the messages can name it in each language: an API `key`, or a
   * webhook's signing `secret`.
   */
  noun: 'key' | 'secret';
  /** @deprecated The messages name the secret by `noun`; this is no longer read. */
  fullName?: string;
  secret: string;
  /** A line under the warning, to say what the secret is for. */
  hint?: ReactNode;
  onDone: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  // Moves the focus here so keyboard and screen-reader users land on the secret at once.
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      toast(t('components.secret.copiedToast', { noun }));
    } catch {
      toast(t('components.secret.copyFailed', { noun }), 'error');
    }
  };
  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={id}
      className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5 shadow-sm"
    >
      <h2 id={id} className="text-base font-semibold text-amber-950">
        {title}
      </h2>
      <p className="mt-1 font-medium text-amber-950">{t('components.secret.warning', { noun })}</p>
      {hint && <p className="mt-1 text-sm text-amber-950">{hint}</p>}
      <code
        data-testid={testId}
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
      >
        {secret}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => void copy()}>
          {copied ? t('components.secret.copied') : t('components.secret.copy', { noun })}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('components.secret.stored')}
        </Button>
      </div>
    </section>
  );
}
