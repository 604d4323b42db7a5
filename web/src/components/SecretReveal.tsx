import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, useToast } from '@/components/ui';

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
  fullName = noun,
  secret,
  hint,
  onDone,
}: {
  /** The heading's id, which names the section. */
  id: string;
  testId: string;
  title: ReactNode;
  /** What the secret is called, in lower case, on the buttons and toasts: "key", "secret"… */
  noun: string;
  /** Its full name in the warning, when longer than `noun`: "signing secret". */
  fullName?: string;
  secret: string;
  /** A line under the warning, to say what the secret is for. */
  hint?: ReactNode;
  onDone: () => void;
}) {
  const toast = useToast();
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  // Moves the focus here so keyboard and screen-reader users land on the secret at once.
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      toast(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} copied`);
    } catch {
      toast(`Could not copy. Select the ${noun} and copy it yourself.`, 'error');
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
      <p className="mt-1 font-medium text-amber-950">
        Copy this {fullName} now. You will not be able to see it again.
      </p>
      {hint && <p className="mt-1 text-sm text-amber-950">{hint}</p>}
      <code
        data-testid={testId}
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
      >
        {secret}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => void copy()}>{copied ? 'Copied' : `Copy ${noun}`}</Button>
        <Button variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
