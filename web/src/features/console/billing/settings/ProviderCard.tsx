import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Badge, Button, Card, ConfirmButton, TextField, useToast } from '@/components/ui';
import {
  removePaymentProvider,
  setPaymentProvider,
  togglePaymentProvider,
  useSaved,
  type PaymentProviderInfo,
  type SetPaymentProvider,
} from '../api';

const names: Record<string, string> = { stripe: 'Stripe', paystack: 'Paystack' };

/**
 * One payment provider: whether it is set up and offered, the webhook address to give it, and
 * its keys. Keys are write-only: the page sends them and forgets them; the server keeps them
 * encrypted and only ever answers with their last four characters.
 */
export function ProviderCard({ provider: p }: { provider: PaymentProviderInfo }) {
  const toast = useToast();
  const saved = useSaved();
  const ids = useId();
  const name = names[p.provider] ?? p.provider;
  const configured = p.key_hint != null;
  const stripe = p.provider === 'stripe';
  const [secret, setSecret] = useState('');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [enabled, setEnabled] = useState(configured ? p.enabled : true);
  const [missing, setMissing] = useState<{ secret?: string; webhook?: string }>({});

  const save = useMutation({
    mutationFn: (body: SetPaymentProvider) => setPaymentProvider(p.provider, body),
    onSuccess: (info) => {
      setSecret('');
      setWebhookSecret('');
      void saved.refetchSettings();
      toast(
        info.enabled
          ? `${name} keys saved — clients can pay with ${name}`
          : `${name} keys saved — switched off for now`,
      );
    },
  });
  const toggle = useMutation({
    mutationFn: (on: boolean) => togglePaymentProvider(p.provider, on),
    onSuccess: (info) => {
      setEnabled(info.enabled);
      void saved.refetchSettings();
      toast(info.enabled ? `${name} switched on — clients can pay with ${name}` : `${name} switched off`);
    },
  });
  const remove = useMutation({
    mutationFn: () => removePaymentProvider(p.provider),
    onSuccess: () => {
      void saved.refetchSettings();
      toast(`${name} removed — clients can no longer pay with it`);
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const named = problem?.fieldError('secret_key') ?? problem?.fieldError('webhook_secret');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      secret: secret.trim() ? undefined : `Paste your ${name} secret key.`,
      webhook:
        stripe && !webhookSecret.trim()
          ? 'Paste the signing secret of your Stripe webhook (whsec_…).'
          : undefined,
    };
    setMissing(found);
    if (found.secret || found.webhook) return;
    save.mutate({
      secret_key: secret.trim(),
      webhook_secret: stripe ? webhookSecret.trim() : null,
      enabled,
    });
  };

  return (
    <Card
      title={name}
      actions={
        configured ? (
          p.enabled ? (
            <Badge tone="green">On — clients can pay</Badge>
          ) : (
            <Badge tone="amber">Off</Badge>
          )
        ) : (
          <Badge>Not set up</Badge>
        )
      }
    >
      <div className="space-y-5">
        {configured && (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700">
              Secret key ending in <span className="font-mono font-semibold">{p.key_hint}</span>. It is never
              shown in full.
            </p>
            <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate(!p.enabled)}>
              {p.enabled ? `Switch ${name} off` : `Switch ${name} on`}
            </Button>
          </div>
        )}
        {toggle.isError && <Alert tone="error">{messageOf(toggle.error)}</Alert>}
        <div className="space-y-1.5">
          <label htmlFor={`${ids}-webhook`} className="block text-sm font-medium text-slate-800">
            Webhook URL
          </label>
          <div className="flex gap-2">
            <input
              id={`${ids}-webhook`}
              readOnly
              value={p.webhook_url}
              onFocus={(e) => e.target.select()}
              aria-describedby={`${ids}-webhook-hint`}
              className="block w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
            />
            <Button
              variant="secondary"
              aria-label={`Copy the ${name} webhook URL`}
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(p.webhook_url)
                  .then(() => toast('Webhook URL copied'))
                  .catch(() => toast('Copy it by hand: the browser refused', 'error'))
              }
            >
              Copy
            </Button>
          </div>
          <p id={`${ids}-webhook-hint`} className="text-sm text-slate-600">
            Add it as a webhook endpoint in your {name} dashboard, so payments are recorded here by
            themselves.
          </p>
        </div>

        <form
          onSubmit={submit}
          noValidate
          className="space-y-4 border-t border-slate-100 pt-4"
          aria-label={`${name} keys`}
        >
          <h3 className="text-sm font-semibold text-slate-900">
            {configured ? 'Replace the keys' : 'Set up'}
          </h3>
          {save.isError && !named && <Alert tone="error">{messageOf(save.error)}</Alert>}
          <TextField
            label={`${name} secret key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={secret}
            placeholder="sk_live_…"
            error={missing.secret ?? problem?.fieldError('secret_key')}
            onChange={(e) => setSecret(e.target.value)}
          />
          {stripe && (
            <TextField
              label="Webhook signing secret"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={webhookSecret}
              placeholder="whsec_…"
              error={missing.webhook ?? problem?.fieldError('webhook_secret')}
              hint="Shown by Stripe when you add the webhook endpoint above."
              onChange={(e) => setWebhookSecret(e.target.value)}
            />
          )}
          <div className="flex items-start gap-3">
            <input
              id={`${ids}-enabled`}
              type="checkbox"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor={`${ids}-enabled`} className="text-sm text-slate-800">
              <span className="font-medium">Offer {name} to clients (“Pay now”)</span>
            </label>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={save.isPending}>
              Save {name} keys
            </Button>
            {configured && (
              <ConfirmButton
                label={`Remove ${name}`}
                question={`Remove the ${name} keys? Clients can no longer pay with ${name} until you set it up again.`}
                confirmLabel={`Remove ${name}`}
                busy={remove.isPending}
                onConfirm={() => remove.mutateAsync()}
              />
            )}
          </div>
          {remove.isError && <Alert tone="error">{messageOf(remove.error)}</Alert>}
        </form>
      </div>
    </Card>
  );
}
