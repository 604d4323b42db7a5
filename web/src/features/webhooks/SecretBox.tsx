import { useEffect, useRef, useState } from 'react';
import { Button, useToast } from '@/components/ui';

/**
 * The one moment a signing secret exists in the browser: it lives only in this component's
 * props (never in the query cache), and is gone once the person says they are done.
 */
export function SecretBox({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const toast = useToast();
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  // Moves the focus here so keyboard and screen-reader users land on the secret at once.
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      toast('Secret copied');
    } catch {
      toast('Could not copy. Select the secret and copy it yourself.', 'error');
    }
  };
  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby="webhook-secret-title"
      className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5 shadow-sm"
    >
      <h2 id="webhook-secret-title" className="text-base font-semibold text-amber-950">
        {title}
      </h2>
      <p className="mt-1 font-medium text-amber-950">
        Copy this signing secret now. You will not be able to see it again.
      </p>
      <p className="mt-1 text-sm text-amber-950">
        Your receiver uses it to check that requests come from Portico (Standard Webhooks signatures).
      </p>
      <code
        data-testid="webhook-secret"
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
      >
        {secret}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy secret'}</Button>
        <Button variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
