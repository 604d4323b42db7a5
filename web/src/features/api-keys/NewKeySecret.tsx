import { useEffect, useRef, useState } from 'react';
import { Button, useToast } from '@/components/ui';
import type { CreatedApiKey } from './api';

/**
 * The one moment a key's secret exists in the browser: it lives only in this component's
 * props (never in the query cache), and is gone once the person says they are done.
 */
export function NewKeySecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const toast = useToast();
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  // Moves the focus here so keyboard and screen-reader users land on the secret at once.
  useEffect(() => box.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
      toast('Key copied');
    } catch {
      toast('Could not copy. Select the key and copy it yourself.', 'error');
    }
  };
  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby="new-key-title"
      className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5 shadow-sm"
    >
      <h2 id="new-key-title" className="text-base font-semibold text-amber-950">
        Your new key “{created.name}”
      </h2>
      <p className="mt-1 font-medium text-amber-950">
        Copy this key now. You will not be able to see it again.
      </p>
      <code
        data-testid="new-key-secret"
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
      >
        {created.secret}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy key'}</Button>
        <Button variant="secondary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </section>
  );
}
